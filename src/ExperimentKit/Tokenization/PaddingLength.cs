namespace ExperimentKit.Tokenization;

/// <summary>Hugging Face tokenizers' pad_encodings: the one length every encoding of a batch is padded to.</summary>
internal static class PaddingLength
{
    /// <param name="longest">The longest encoding of the batch (overflowing windows not counted, as in Rust).</param>
    /// <param name="maxLength">max_length, or the model maximum when none was given.</param>
    /// <returns>null when the options ask for no padding.</returns>
    public static int? Target(EncodeOptions options, int longest, int maxLength)
    {
        int length;
        switch (options.Padding)
        {
            case PaddingStrategy.DoNotPad:
                return null;
            case PaddingStrategy.Longest:
                length = longest;
                break;
            case PaddingStrategy.MaxLength:
                length = maxLength;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Padding, "Unknown padding strategy.");
        }

        int multiple = options.PadToMultipleOf ?? 0;
        if (multiple > 0 && length % multiple > 0)
        {
            length += multiple - (length % multiple);
        }

        return length;
    }
}
