using ExperimentKit.Schema.Model;

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
        ArgumentNullException.ThrowIfNull(examples);
        var length = PaddedRows.PaddedLength(spec, maxLength, examples.Max(e => e.Length));
        var rows = new PaddedRows(examples.Count, length, padTokenId);
        for (var row = 0; row < examples.Count; row++)
        {
            rows.Write(row, examples[row].InputIds, examples[row].TokenTypeIds);
        }

        return rows.ToBatch([examples.Count, length], spec.ReturnTokenTypeIds, labels.Collate(examples, length));
    }
}
