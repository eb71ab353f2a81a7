using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Models;

/// <summary>
/// Hugging Face <c>BertConfig</c>: the same fields and defaults, PascalCase in C#, snake_case in config.json.
/// </summary>
public sealed partial record BertConfig
{
    public string ModelType { get; init; } = "bert";
    public int VocabSize { get; init; } = 30522;
    public int HiddenSize { get; init; } = 768;
    public int NumHiddenLayers { get; init; } = 12;
    public int NumAttentionHeads { get; init; } = 12;
    public int IntermediateSize { get; init; } = 3072;
    public string HiddenAct { get; init; } = "gelu";
    public double HiddenDropoutProb { get; init; } = 0.1;
    public double AttentionProbsDropoutProb { get; init; } = 0.1;
    public int MaxPositionEmbeddings { get; init; } = 512;
    public int TypeVocabSize { get; init; } = 2;
    public double InitializerRange { get; init; } = 0.02;
    public double LayerNormEps { get; init; } = 1e-12;
    public int PadTokenId { get; init; }

    /// <summary>Only "absolute" is implemented; kept so a config asking for another kind is refused, not misread.</summary>
    public string PositionEmbeddingType { get; init; } = "absolute";

    /// <summary>HF <c>classifier_dropout</c>: null means "use <see cref="HiddenDropoutProb"/>".</summary>
    public double? ClassifierDropout { get; init; }

    /// <summary>HF <c>problem_type</c>: null, "regression", "single_label_classification" or "multi_label_classification".</summary>
    public string? ProblemType { get; init; }

    public ImmutableSortedDictionary<int, string> Id2Label { get; init; } = ImmutableSortedDictionary<int, string>.Empty;
    public ImmutableSortedDictionary<string, int> Label2Id { get; init; } =
        ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>HF <c>architectures</c>: the head classes the weights were saved from.</summary>
    public ImmutableArray<string> Architectures { get; init; } = [];

    /// <summary>config.json keys this type does not model; read, kept, and written back unchanged.</summary>
    public JsonObject Extra { get; init; } = [];

    public int HeadDim => HiddenSize / NumAttentionHeads;

    public static BertConfig FromSpec(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var config = new BertConfig
        {
            ModelType = spec.ModelType,
            VocabSize = spec.VocabSize,
            HiddenSize = spec.HiddenSize,
            NumHiddenLayers = spec.NumHiddenLayers,
            NumAttentionHeads = spec.NumAttentionHeads,
            IntermediateSize = spec.IntermediateSize,
            HiddenAct = spec.HiddenAct,
            HiddenDropoutProb = spec.HiddenDropoutProb,
            AttentionProbsDropoutProb = spec.AttentionProbsDropoutProb,
            MaxPositionEmbeddings = spec.MaxPositionEmbeddings,
            TypeVocabSize = spec.TypeVocabSize,
            InitializerRange = spec.InitializerRange,
            LayerNormEps = spec.LayerNormEps,
            PadTokenId = spec.PadTokenId,
            ClassifierDropout = spec.ClassifierDropout,
        };
        config.Validate();
        return config;
    }

    /// <summary>The same config with HF's default label names (LABEL_0 …) when it has none, as HF gives a head of <paramref name="numLabels"/>.</summary>
    public BertConfig WithNumLabels(int numLabels)
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

        return WithLabelNames(Enumerable.Range(0, numLabels).Select(i => string.Create(CultureInfo.InvariantCulture, $"LABEL_{i}")));
    }

    /// <summary>The same config with id2label / label2id from class names in label-id order (a dataset's ClassLabel names).</summary>
    public BertConfig WithLabelNames(IEnumerable<string> names)
    {
        var byId = names.Select((name, id) => (name, id)).ToDictionary(pair => pair.id, pair => pair.name);
        return this with
        {
            Id2Label = byId.ToImmutableSortedDictionary(),
            Label2Id = byId.ToImmutableSortedDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal),
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a config no BERT can be built from, as HF's constructors do.</summary>
    public void Validate()
    {
        if (ModelType != "bert")
        {
            throw new ArgumentException($"model_type '{ModelType}' is not supported; only 'bert' is.");
        }

        if (HiddenSize <= 0 || NumAttentionHeads <= 0 || HiddenSize % NumAttentionHeads != 0)
        {
            throw new ArgumentException(
                $"hidden_size ({HiddenSize}) must be a positive multiple of num_attention_heads ({NumAttentionHeads}).");
        }

        if (VocabSize <= 0 || NumHiddenLayers < 0 || IntermediateSize <= 0 || MaxPositionEmbeddings <= 0 || TypeVocabSize <= 0)
        {
            throw new ArgumentException("vocab_size, intermediate_size, max_position_embeddings and type_vocab_size must be positive.");
        }

        if (PadTokenId < 0 || PadTokenId >= VocabSize)
        {
            throw new ArgumentException($"pad_token_id {PadTokenId} is outside the vocabulary (size {VocabSize}).");
        }

        if (PositionEmbeddingType != "absolute")
        {
            throw new ArgumentException($"position_embedding_type '{PositionEmbeddingType}' is not supported; only 'absolute' is.");
        }

        Activations.ThrowIfUnknown(HiddenAct);
    }
}
