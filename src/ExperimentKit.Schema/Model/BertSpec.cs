namespace ExperimentKit.Schema.Model;

/// <summary>`model_type: bert` (the default): Hugging Face BertConfig keys and their defaults.</summary>
public sealed record BertSpec : ModelSpec
{
    public const string Type = "bert";

    public override string ModelType => Type;
    public override int VocabSize { get; init; } = 30522;
    public int HiddenSize { get; init; } = 768;
    public int NumHiddenLayers { get; init; } = 12;
    public int NumAttentionHeads { get; init; } = 12;
    public int IntermediateSize { get; init; } = 3072;
    public string HiddenAct { get; init; } = "gelu";
    public double HiddenDropoutProb { get; init; } = 0.1;
    public double AttentionProbsDropoutProb { get; init; } = 0.1;
    public override int MaxPositionEmbeddings { get; init; } = 512;
    public int TypeVocabSize { get; init; } = 2;
    public override double InitializerRange { get; init; } = 0.02;
    public double LayerNormEps { get; init; } = 1e-12;
    public override int PadTokenId { get; init; }

    /// <summary>HF `classifier_dropout`: null means "use hidden_dropout_prob".</summary>
    public double? ClassifierDropout { get; init; }

    /// <summary>
    /// What the sequence-classification head reads: "cls" (HF BertForSequenceClassification: the pooler on [CLS]) or
    /// "mean" (the mean of the last hidden states over real tokens, ModernBERT's <c>classifier_pooling</c>).
    /// </summary>
    public string ClassifierPooling { get; init; } = ClassifierPoolings.Cls;

    public override bool TakesTokenTypeIds() => true;
}
