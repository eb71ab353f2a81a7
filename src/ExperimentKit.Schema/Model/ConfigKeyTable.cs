using System;
using System.Collections.Generic;
using System.Linq;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// A model_type's config keys in its Hugging Face config's order, which is the order the `model:` section lists its
/// valid keys in and config.json is read in.
/// </summary>
public sealed class ConfigKeyTable(string modelType, IReadOnlyList<ConfigKey> keys)
{
    public static IReadOnlyList<ConfigKeyTable> All { get; } = [BertKeys.Table, DistilBertKeys.Table];

    public string ModelType { get; } = modelType;

    public IReadOnlyList<ConfigKey> Keys { get; } = keys;

    public static ConfigKeyTable For(string modelType) =>
        All.FirstOrDefault(t => t.ModelType == modelType) ?? throw new ArgumentException($"model_type '{modelType}' has no config keys.", nameof(modelType));

    /// <summary>The `model:` keys with <paramref name="role"/>, by config.json name.</summary>
    public IEnumerable<string> ModelSectionNames(ConfigKeyRole role) =>
        Keys.Where(k => k.InModelSection && k.Role == role).Select(k => k.Name);
}
