using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Models;

/// <summary>
/// What every Hugging Face config shares (HF <c>PretrainedConfig</c>): the label maps, the problem type, the
/// architectures, and the keys a type does not model. <see cref="Load"/> reads a config.json as the type its
/// <c>model_type</c> names.
/// </summary>
public abstract partial record PretrainedConfig
{
    /// <param name="keys">The type's own config keys: the table sets their defaults here, and config.json reads and writes them.</param>
    private protected PretrainedConfig(ConfigKeyTable keys)
    {
        OwnKeys = ConfigKeyProperties.Of(GetType(), keys);
        OwnKeys.SetDefaults(this);
    }

    /// <summary>HF <c>model_type</c>: the architecture ("bert", "distilbert"), and so the config type <see cref="Load"/> reads.</summary>
    public abstract string ModelType { get; init; }

    /// <summary>HF <c>problem_type</c>: null, "regression", "single_label_classification" or "multi_label_classification".</summary>
    public string? ProblemType { get; init; }

    public ImmutableSortedDictionary<int, string> Id2Label { get; init; } = ImmutableSortedDictionary<int, string>.Empty;
    public ImmutableSortedDictionary<string, int> Label2Id { get; init; } =
        ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>HF <c>architectures</c>: the head classes the weights were saved from.</summary>
    public ImmutableArray<string> Architectures { get; init; } = [];

    /// <summary>config.json keys this type does not model; read, kept, and written back unchanged.</summary>
    public JsonObject Extra { get; init; } = [];

    /// <summary>Where this type holds its own keys, by their config.json names.</summary>
    private protected ConfigKeyProperties OwnKeys { get; }

    /// <summary>Throws <see cref="ArgumentException"/> for a config no model can be built from, as HF's constructors do.</summary>
    public abstract void Validate();

    /// <summary>HF's default label names (LABEL_0 …) when the config has none, as HF gives a head of <paramref name="numLabels"/>.</summary>
    private protected PretrainedConfig WithNumLabelsCore(int numLabels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numLabels, 1);
        if (Id2Label.Count == numLabels)
        {
            return this;
        }

        if (Id2Label.Count != 0)
        {
            throw new ArgumentException(
                $"The config names {Id2Label.Count} labels (id2label) but the model was asked for {numLabels}.", nameof(numLabels));
        }

        return WithLabelNamesCore(Enumerable.Range(0, numLabels).Select(i => string.Create(CultureInfo.InvariantCulture, $"LABEL_{i}")));
    }

    /// <summary>id2label / label2id from class names in label-id order (a dataset's ClassLabel names); the derived types offer it typed.</summary>
    internal PretrainedConfig WithLabelNamesCore(IEnumerable<string> names)
    {
        var byId = names.Select((name, id) => (name, id)).ToDictionary(pair => pair.id, pair => pair.name);
        return this with
        {
            Id2Label = byId.ToImmutableSortedDictionary(),
            Label2Id = byId.ToImmutableSortedDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal),
        };
    }
}
