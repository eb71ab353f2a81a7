using ExperimentKit.Schema.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>
/// Hugging Face's DataCollatorWithPadding: pads every sequence of a batch to the longest one
/// (or to max_length), optionally rounded up to a multiple, on the right, with the [PAD] id. The task's label
/// collation makes the labels (per token and padded with -100, it is DataCollatorForTokenClassification).
/// </summary>
public sealed class DataCollatorWithPadding(CollatorSpec spec, int padTokenId, int maxLength, ILabelCollation labels) : IDataCollator
{
    /// <summary>The collator an experiment's collator, model and tokenizer settings describe.</summary>
    public static DataCollatorWithPadding For(ExperimentSpec spec, ILabelCollation labels)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DataCollatorWithPadding(spec.Collator, spec.Model.PadTokenId, spec.Tokenizer.MaxLength, labels);
    }

    /// <param name="position">Unused: padding draws no random numbers.</param>
    public CollatedBatch Collate(IReadOnlyList<EncodedExample> examples, BatchPosition position = default)
    {
        var length = PaddedLength(examples);
        var ids = new long[examples.Count * length];
        var types = new long[examples.Count * length];
        var mask = new long[examples.Count * length];
        for (var row = 0; row < examples.Count; row++)
        {
            var example = examples[row];
            var offset = row * length;
            ids.AsSpan(offset, length).Fill(padTokenId);
            for (var i = 0; i < example.Length; i++)
            {
                ids[offset + i] = example.InputIds[i];
                types[offset + i] = example.TokenTypeIds[i];
                mask[offset + i] = 1;
            }
        }

        long[] shape = [examples.Count, length];
        return new CollatedBatch(
            tensor(ids, shape, ScalarType.Int64),
            tensor(mask, shape, ScalarType.Int64),
            spec.ReturnTokenTypeIds ? tensor(types, shape, ScalarType.Int64) : null,
            labels.Collate(examples, length));
    }

    private int PaddedLength(IReadOnlyList<EncodedExample> examples)
    {
        var length = spec.Padding == PaddingStrategy.MaxLength ? maxLength : examples.Max(e => e.Length);
        if (spec.PadToMultipleOf is { } multiple && length % multiple != 0)
        {
            length += multiple - (length % multiple);
        }

        return length;
    }
}
