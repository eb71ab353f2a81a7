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

    /// <summary>
    /// With return_overflowing_tokens: the further windows of what truncation cut, in Hugging Face's order,
    /// each a complete encoding with its own special tokens, offsets into the original text and word ids.
    /// </summary>
    public IReadOnlyList<Encoding> Overflowing { get; init; } = [];

    /// <summary>
    /// A copy padded to <paramref name="length"/>, its overflowing windows too (HF Encoding.pad); no-op if already
    /// that long. Padding has token type 0, attention 0, special-tokens mask 1, offsets (0, 0), no word or sequence.
    /// </summary>
    public Encoding Pad(int length, int padId, PaddingSide side = PaddingSide.Right)
    {
        IReadOnlyList<Encoding> overflowing = [.. Overflowing.Select(o => o.Pad(length, padId, side))];
        if (length <= Length)
        {
            return Overflowing.Count == 0 ? this : this with { Overflowing = overflowing };
        }

        return new Encoding(
            PadArray(InputIds, length, padId, side),
            PadArray(TokenTypeIds, length, 0, side),
            PadArray(AttentionMask, length, 0, side),
            PadArray(SpecialTokensMask, length, 1, side),
            PadArray(Offsets, length, (0, 0), side),
            PadArray(WordIds, length, null, side),
            PadArray(SequenceIds, length, null, side))
        {
            Overflowing = overflowing,
        };
    }

    private static T[] PadArray<T>(T[] source, int length, T value, PaddingSide side)
    {
        var result = new T[length];
        int padding = length - source.Length;
        int at = side == PaddingSide.Left ? padding : 0;
        result.AsSpan().Fill(value);
        source.CopyTo(result, at);
        return result;
    }
}
