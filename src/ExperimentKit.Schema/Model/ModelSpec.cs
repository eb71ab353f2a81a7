namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `model:` section: Hugging Face BertConfig keys and their defaults, or a pretrained checkpoint to start
/// from (then the architecture comes from its config.json; keys written here must agree with it).
/// </summary>
public sealed record ModelSpec
{
    /// <summary>from_pretrained's argument: a local model folder or a hub id found in the HF cache (never downloaded).</summary>
    public string? PretrainedModelNameOrPath { get; init; }

    /// <summary>The hub cache ref or commit to use for a hub id.</summary>
    public string Revision { get; init; } = "main";

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

    /// <summary>HF `classifier_dropout`: null means "use hidden_dropout_prob".</summary>
    public double? ClassifierDropout { get; init; }
}
