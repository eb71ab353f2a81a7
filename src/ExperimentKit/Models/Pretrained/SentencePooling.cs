namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// How a sentence-transformers model turns token vectors into one sentence vector: its Pooling module's modes
/// (concatenated in sentence-transformers' order: cls, max, mean, mean_sqrt_len) and whether a Normalize module
/// follows, plus the Transformer module's max_seq_length.
/// </summary>
/// <param name="MaxSeqLength">sentence_bert_config.json's max_seq_length; null: the tokenizer's model_max_length.</param>
public sealed record SentencePooling(bool Cls, bool Max, bool Mean, bool MeanSqrtLength, bool Normalize, int? MaxSeqLength)
{
    /// <summary>
    /// What sentence-transformers builds for a plain Hugging Face model without modules.json ("Creating a new one with
    /// mean pooling"): mean pooling, no normalisation.
    /// </summary>
    public static SentencePooling Default { get; } = new(Cls: false, Max: false, Mean: true, MeanSqrtLength: false, Normalize: false, MaxSeqLength: null);

    /// <summary>all-MiniLM-L6-v2's modules.json, 1_Pooling/config.json and sentence_bert_config.json on the hub.</summary>
    public static SentencePooling MeanNormalized(int maxSeqLength) => Default with { Normalize = true, MaxSeqLength = maxSeqLength };
}
