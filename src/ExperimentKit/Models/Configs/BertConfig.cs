using ExperimentKit.Schema.Model;

namespace ExperimentKit.Models;

/// <summary>
/// Hugging Face <c>BertConfig</c>: the same fields and defaults, PascalCase in C#, snake_case in config.json. The keys,
/// their defaults and their config.json form are declared in <see cref="BertKeys"/>.
/// </summary>
public sealed partial record BertConfig : PretrainedConfig
{
    // The table sets every key's property, the strings among them, which the compiler cannot see.
#pragma warning disable CS8618
    public BertConfig()
        : base(BertKeys.Table)
    {
    }
#pragma warning restore CS8618

    public override string ModelType { get; init; } = "bert";
    public int VocabSize { get; init; }
    public int HiddenSize { get; init; }
    public int NumHiddenLayers { get; init; }
    public int NumAttentionHeads { get; init; }
    public int IntermediateSize { get; init; }
    public string HiddenAct { get; init; }
    public double HiddenDropoutProb { get; init; }
    public double AttentionProbsDropoutProb { get; init; }
    public int MaxPositionEmbeddings { get; init; }
    public int TypeVocabSize { get; init; }
    public double InitializerRange { get; init; }
    public double LayerNormEps { get; init; }
    public int PadTokenId { get; init; }

    /// <summary>Only "absolute" is implemented; kept so a config asking for another kind is refused, not misread.</summary>
    public string PositionEmbeddingType { get; init; }

    /// <summary>HF <c>use_cache</c>: a decoder's key-value cache; BERT as an encoder never reads it.</summary>
    public bool UseCache { get; init; }

    /// <summary>HF <c>classifier_dropout</c>: null means "use <see cref="HiddenDropoutProb"/>".</summary>
    public double? ClassifierDropout { get; init; }

    /// <summary>What the sequence-classification head reads: see <see cref="ClassifierPoolings"/>. Not a transformers BertConfig key.</summary>
    public string ClassifierPooling { get; init; }

    public int HeadDim => HiddenSize / NumAttentionHeads;

    /// <summary>The same config with HF's default label names (LABEL_0 …) when it has none, as HF gives a head of <paramref name="numLabels"/>.</summary>
    public BertConfig WithNumLabels(int numLabels) => (BertConfig)WithNumLabelsCore(numLabels);

    /// <summary>The same config with id2label / label2id from class names in label-id order (a dataset's ClassLabel names).</summary>
    public BertConfig WithLabelNames(IEnumerable<string> names) => (BertConfig)WithLabelNamesCore(names);

    public override void Validate()
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

        Activations.ThrowIfUnknown(HiddenAct, "hidden_act");
        if (!ClassifierPoolings.All.Contains(ClassifierPooling))
        {
            throw new ArgumentException(
                $"classifier_pooling '{ClassifierPooling}' is not supported; use {string.Join(" or ", ClassifierPoolings.All.Select(p => $"'{p}'"))}.");
        }
    }
}
