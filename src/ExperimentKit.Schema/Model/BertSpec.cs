namespace ExperimentKit.Schema.Model;

/// <summary>`model_type: bert` (the default): Hugging Face BertConfig's keys, declared with their defaults in <see cref="BertKeys"/>.</summary>
public sealed record BertSpec : ModelSpec
{
    public const string Type = "bert";

    // The table sets every key's property, the strings among them, which the compiler cannot see.
#pragma warning disable CS8618
    public BertSpec() => ConfigKeyProperties.Of(typeof(BertSpec), BertKeys.Table).SetDefaults(this);
#pragma warning restore CS8618

    public override string ModelType => Type;
    public override int VocabSize { get; init; }
    public int HiddenSize { get; init; }
    public int NumHiddenLayers { get; init; }
    public int NumAttentionHeads { get; init; }
    public int IntermediateSize { get; init; }
    public string HiddenAct { get; init; }
    public double HiddenDropoutProb { get; init; }
    public double AttentionProbsDropoutProb { get; init; }
    public override int MaxPositionEmbeddings { get; init; }
    public int TypeVocabSize { get; init; }
    public override double InitializerRange { get; init; }
    public double LayerNormEps { get; init; }
    public override int PadTokenId { get; init; }

    /// <summary>HF `classifier_dropout`: null means "use hidden_dropout_prob".</summary>
    public double? ClassifierDropout { get; init; }

    /// <summary>
    /// What the sequence-classification head reads: "cls" (HF BertForSequenceClassification: the pooler on [CLS]) or
    /// "mean" (the mean of the last hidden states over real tokens, ModernBERT's <c>classifier_pooling</c>).
    /// </summary>
    public string ClassifierPooling { get; init; }

    public override bool TakesTokenTypeIds() => true;
}
