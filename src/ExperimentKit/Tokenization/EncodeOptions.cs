using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tokenization;

/// <summary>The arguments of a Hugging Face tokenizer call that shape one encoding.</summary>
/// <param name="AddSpecialTokens">Add [CLS] A [SEP] (B [SEP]).</param>
/// <param name="MaxLength">Length limit including special tokens; null means the model maximum, <see cref="ModelMaxLength"/>.</param>
/// <param name="Truncation">How to cut a sequence or pair longer than the limit.</param>
public sealed record EncodeOptions(
    bool AddSpecialTokens = true,
    int? MaxLength = null,
    TruncationStrategy Truncation = TruncationStrategy.LongestFirst)
{
    /// <summary>bert-base-uncased's model_max_length (512 position embeddings).</summary>
    public const int ModelMaxLength = 512;

    public static EncodeOptions Default { get; } = new();

    public int EffectiveMaxLength => MaxLength ?? ModelMaxLength;

    public static EncodeOptions FromSpec(TokenizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new EncodeOptions(MaxLength: spec.MaxLength, Truncation: spec.Truncation);
    }
}
