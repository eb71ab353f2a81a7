namespace ExperimentKit.Schema.Model;

/// <summary>`model_type: distilbert`: Hugging Face DistilBertConfig's keys (n_layers, dim, …), declared with their defaults in <see cref="DistilBertKeys"/>.</summary>
public sealed record DistilBertSpec : ModelSpec
{
    public const string Type = "distilbert";

    // The table sets every key's property, the strings among them, which the compiler cannot see.
#pragma warning disable CS8618
    public DistilBertSpec() => ConfigKeyProperties.Of(typeof(DistilBertSpec), DistilBertKeys.Table).SetDefaults(this);
#pragma warning restore CS8618

    public override string ModelType => Type;
    public override int VocabSize { get; init; }
    public override int MaxPositionEmbeddings { get; init; }

    /// <summary>Fixed sine/cosine position embeddings; only false (learned ones) is implemented, so true is refused.</summary>
    public bool SinusoidalPosEmbds { get; init; }

    public int NLayers { get; init; }
    public int NHeads { get; init; }
    public int Dim { get; init; }
    public int HiddenDim { get; init; }
    public double Dropout { get; init; }
    public double AttentionDropout { get; init; }
    public string Activation { get; init; }
    public override double InitializerRange { get; init; }
    public double SeqClassifDropout { get; init; }
    public override int PadTokenId { get; init; }

    /// <summary>DistilBERT has no token type embeddings.</summary>
    public override bool TakesTokenTypeIds() => false;
}
