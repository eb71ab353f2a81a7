namespace ExperimentKit.Schema.Model;

/// <summary>`model_type: distilbert`: Hugging Face DistilBertConfig keys (n_layers, dim, …) and their defaults.</summary>
public sealed record DistilBertSpec : ModelSpec
{
    public const string Type = "distilbert";

    public override string ModelType => Type;
    public override int VocabSize { get; init; } = 30522;
    public override int MaxPositionEmbeddings { get; init; } = 512;

    /// <summary>Fixed sine/cosine position embeddings; only false (learned ones) is implemented, so true is refused.</summary>
    public bool SinusoidalPosEmbds { get; init; }

    public int NLayers { get; init; } = 6;
    public int NHeads { get; init; } = 12;
    public int Dim { get; init; } = 768;
    public int HiddenDim { get; init; } = 3072;
    public double Dropout { get; init; } = 0.1;
    public double AttentionDropout { get; init; } = 0.1;
    public string Activation { get; init; } = "gelu";
    public override double InitializerRange { get; init; } = 0.02;
    public double SeqClassifDropout { get; init; } = 0.2;
    public override int PadTokenId { get; init; }

    /// <summary>DistilBERT has no token type embeddings.</summary>
    public override bool TakesTokenTypeIds() => false;
}
