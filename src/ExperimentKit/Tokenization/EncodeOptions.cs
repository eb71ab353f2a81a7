using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tokenization;

/// <summary>The arguments of a Hugging Face tokenizer call that shape one encoding or one batch.</summary>
/// <param name="AddSpecialTokens">Add [CLS] A [SEP] (B [SEP]).</param>
/// <param name="MaxLength">Length limit including special tokens; null means the tokenizer's model_max_length.</param>
/// <param name="Truncation">How to cut a sequence or pair longer than the limit.</param>
/// <param name="Stride">With <paramref name="ReturnOverflowingTokens"/>: tokens each overflow window repeats from the one before.</param>
/// <param name="ReturnOverflowingTokens">Keep what truncation cuts as further windows (<see cref="Encoding.Overflowing"/>).</param>
/// <param name="Padding">do_not_pad, longest (in the batch) or max_length.</param>
/// <param name="PadToMultipleOf">Round the padded length up to a multiple of this (tensor-core friendly shapes).</param>
/// <param name="PaddingSide">Which end the padding goes on.</param>
public sealed record EncodeOptions(
    bool AddSpecialTokens = true,
    int? MaxLength = null,
    TruncationStrategy Truncation = TruncationStrategy.LongestFirst,
    int Stride = 0,
    bool ReturnOverflowingTokens = false,
    PaddingStrategy Padding = PaddingStrategy.DoNotPad,
    int? PadToMultipleOf = null,
    PaddingSide PaddingSide = PaddingSide.Right)
{
    /// <summary>bert-base-uncased's model_max_length (512 position embeddings).</summary>
    public const int ModelMaxLength = 512;

    public static EncodeOptions Default { get; } = new();

    /// <summary>The limit with the bert-base-uncased default; a tokenizer applies its own model_max_length instead.</summary>
    public int EffectiveMaxLength => MaxLength ?? ModelMaxLength;

    public static EncodeOptions FromSpec(TokenizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new EncodeOptions(MaxLength: spec.MaxLength, Truncation: spec.Truncation);
    }
}
