using ExperimentKit.Schema.Model;
using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>
/// DataCollatorWithPadding's padding, for every collator that pads: rows of ids written on the left of one padded
/// length, the [PAD] id after them, an attention mask of 1 over the written tokens only and token type 0 on padding.
/// Multiple choice writes a row per choice (a choice an example lacks stays all padding); masked LM edits the written
/// ids before they become a tensor.
/// </summary>
internal sealed class PaddedRows
{
    private readonly long[] _types;
    private readonly long[] _mask;

    public PaddedRows(int rows, int length, int padTokenId)
    {
        Length = length;
        InputIds = new long[rows * length];
        InputIds.AsSpan().Fill(padTokenId);
        _types = new long[rows * length];
        _mask = new long[rows * length];
    }

    /// <summary>The padded length of every row.</summary>
    public int Length { get; }

    /// <summary>The ids of all rows, row after row: a collator may change the written ones.</summary>
    public long[] InputIds { get; }

    /// <summary>
    /// The length a batch is padded to: its longest row, or max_length under padding max_length, rounded up to a
    /// multiple of pad_to_multiple_of (Hugging Face's tokenizer.pad).
    /// </summary>
    public static int PaddedLength(CollatorSpec spec, int maxLength, int longest)
    {
        var length = spec.Padding == PaddingStrategy.MaxLength ? maxLength : longest;
        if (spec.PadToMultipleOf is { } multiple && length % multiple != 0)
        {
            length += multiple - (length % multiple);
        }

        return length;
    }

    public void Write(int row, ReadOnlySpan<int> inputIds, ReadOnlySpan<int> tokenTypeIds)
    {
        var offset = row * Length;
        for (var i = 0; i < inputIds.Length; i++)
        {
            InputIds[offset + i] = inputIds[i];
            _types[offset + i] = tokenTypeIds[i];
            _mask[offset + i] = 1;
        }
    }

    /// <param name="shape">The rows' shape with the padded length last: [batch, seq], or [batch, choices, seq].</param>
    public CollatedBatch ToBatch(long[] shape, bool returnTokenTypeIds, Tensor labels) => new(
        tensor(InputIds, shape, ScalarType.Int64),
        tensor(_mask, shape, ScalarType.Int64),
        returnTokenTypeIds ? tensor(_types, shape, ScalarType.Int64) : null,
        labels);
}
