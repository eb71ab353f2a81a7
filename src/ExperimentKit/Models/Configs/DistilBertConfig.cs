using ExperimentKit.Schema.Model;

namespace ExperimentKit.Models;

/// <summary>
/// Hugging Face <c>DistilBertConfig</c>: the same fields and defaults, PascalCase in C#, the HF names (n_layers, dim, …)
/// in config.json. The keys, their defaults and their config.json form are declared in <see cref="DistilBertKeys"/>.
/// </summary>
public sealed partial record DistilBertConfig : PretrainedConfig
{
    // The table sets every key's property, the strings among them, which the compiler cannot see.
#pragma warning disable CS8618
    public DistilBertConfig()
        : base(DistilBertKeys.Table)
    {
    }
#pragma warning restore CS8618

    public override string ModelType { get; init; } = "distilbert";
    public int VocabSize { get; init; }
    public int MaxPositionEmbeddings { get; init; }

    /// <summary>Fixed sine/cosine position embeddings instead of learned ones; refused by <see cref="Validate"/> (not implemented).</summary>
    public bool SinusoidalPosEmbds { get; init; }

    public int NLayers { get; init; }
    public int NHeads { get; init; }
    public int Dim { get; init; }
    public int HiddenDim { get; init; }
    public double Dropout { get; init; }
    public double AttentionDropout { get; init; }
    public string Activation { get; init; }
    public double InitializerRange { get; init; }
    public double QaDropout { get; init; }
    public double SeqClassifDropout { get; init; }
    public int PadTokenId { get; init; }

    public int HeadDim => Dim / NHeads;

    /// <summary>The same config with HF's default label names (LABEL_0 …) when it has none, as HF gives a head of <paramref name="numLabels"/>.</summary>
    public DistilBertConfig WithNumLabels(int numLabels) => (DistilBertConfig)WithNumLabelsCore(numLabels);

    /// <summary>The same config with id2label / label2id from class names in label-id order (a dataset's ClassLabel names).</summary>
    public DistilBertConfig WithLabelNames(IEnumerable<string> names) => (DistilBertConfig)WithLabelNamesCore(names);

    public override void Validate()
    {
        if (ModelType != "distilbert")
        {
            throw new ArgumentException($"model_type '{ModelType}' is not a DistilBERT config; 'distilbert' is.");
        }

        if (Dim <= 0 || NHeads <= 0 || Dim % NHeads != 0)
        {
            throw new ArgumentException($"dim ({Dim}) must be a positive multiple of n_heads ({NHeads}).");
        }

        if (VocabSize <= 0 || NLayers < 0 || HiddenDim <= 0 || MaxPositionEmbeddings <= 0)
        {
            throw new ArgumentException("vocab_size, hidden_dim and max_position_embeddings must be positive.");
        }

        if (PadTokenId < 0 || PadTokenId >= VocabSize)
        {
            throw new ArgumentException($"pad_token_id {PadTokenId} is outside the vocabulary (size {VocabSize}).");
        }

        if (SinusoidalPosEmbds)
        {
            throw new ArgumentException("sinusoidal_pos_embds is not supported; only learned position embeddings are.");
        }

        Activations.ThrowIfUnknown(Activation, "activation");
    }
}
