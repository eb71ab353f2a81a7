namespace ExperimentKit.Tokenization;

/// <summary>
/// One encoded sequence or pair, with the fields of a Hugging Face BatchEncoding row.
/// Arrays are compared by reference (record equality); compare contents with SequenceEqual.
/// </summary>
/// <param name="InputIds">Token ids, special tokens included.</param>
/// <param name="TokenTypeIds">0 for [CLS] A [SEP], 1 for B [SEP].</param>
/// <param name="AttentionMask">1 for every real token, 0 for padding.</param>
/// <param name="SpecialTokensMask">1 for tokens the post-processor added ([CLS], [SEP], padding).</param>
/// <param name="Offsets">UTF-16 character span of each token in its original text; (0, 0) for added tokens.</param>
/// <param name="WordIds">Index of the pre-tokenized word each token came from, per sequence; null for added tokens.</param>
/// <param name="SequenceIds">0 for tokens of the first text, 1 for the pair; null for added tokens.</param>
public sealed record Encoding(
    int[] InputIds,
    int[] TokenTypeIds,
    int[] AttentionMask,
    int[] SpecialTokensMask,
    (int Start, int End)[] Offsets,
    int?[] WordIds,
    int?[] SequenceIds)
{
    public int Length => InputIds.Length;

    /// <summary>A copy padded on the right to <paramref name="length"/> (HF padding_side="right"); no-op if already that long.</summary>
    public Encoding Pad(int length, int padId)
    {
        if (length <= Length)
        {
            return this;
        }

        return new Encoding(
            PadArray(InputIds, length, padId),
            PadArray(TokenTypeIds, length, 0),
            PadArray(AttentionMask, length, 0),
            PadArray(SpecialTokensMask, length, 1),
            PadArray(Offsets, length, (0, 0)),
            PadArray(WordIds, length, null),
            PadArray(SequenceIds, length, null));
    }

    private static T[] PadArray<T>(T[] source, int length, T value)
    {
        var result = new T[length];
        source.CopyTo(result, 0);
        result.AsSpan(source.Length).Fill(value);
        return result;
    }
}
