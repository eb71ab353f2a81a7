using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// A key of the other model_type's `model:` section, written under this one: named as such, with the key meaning the
/// same here (HF renamed BERT's keys for DistilBERT) rather than a look-alike by spelling. Both come from the key tables.
/// </summary>
internal static class CounterpartKeys
{
    /// <summary>What to say about an unknown key of a model_type section when it is the other architecture's key; null otherwise.</summary>
    public static ForeignKey? Explain(string key, string modelType)
    {
        var here = ConfigKeyTable.For(modelType);
        return ConfigKeyTable.All
            .Where(other => other != here)
            .SelectMany(other => other.Keys.Where(k => k.InModelSection && k.Name == key).Select(k => (Other: other, Key: k)))
            .Select(foreign => new ForeignKey(
                $"for model_type {modelType} ('{key}' is a model_type {foreign.Other.ModelType} key)",
                foreign.Key.Counterpart ?? here.Keys.FirstOrDefault(k => k.Counterpart == key)?.Name))
            .FirstOrDefault();
    }
}
