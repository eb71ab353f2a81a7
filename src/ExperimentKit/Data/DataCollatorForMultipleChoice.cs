using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// Hugging Face's DataCollatorForMultipleChoice: every choice of every example is a row padded as
/// <see cref="DataCollatorWithPadding"/> pads (longest choice of the batch, or max_length, rounded up to
/// pad_to_multiple_of), giving int64 [batch, choices, seq] ids, mask and token types, and the answer index as int64
/// [batch] labels. Unlike Hugging Face's, the examples of a batch may have different numbers of choices (ARC has 3 to
/// 5): a choice an example lacks is a row of padding with an all-zero attention mask, for the model to mask its logit.
/// </summary>
public sealed class DataCollatorForMultipleChoice(CollatorSpec spec, int padTokenId, int maxLength) : IDataCollator
{
    /// <summary>The collator an experiment's collator, model and tokenizer settings describe.</summary>
    public static DataCollatorForMultipleChoice For(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new DataCollatorForMultipleChoice(spec.Collator, spec.Model.PadTokenId, spec.Tokenizer.MaxLength);
    }

    /// <param name="examples">Examples whose choices lie end to end (<see cref="EncodedExample.ChoiceLengths"/>) and
    /// whose one label is the index of the right choice.</param>
    /// <param name="position">Unused: padding draws no random numbers.</param>
    public CollatedBatch Collate(IReadOnlyList<EncodedExample> examples, BatchPosition position = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var choices = examples.Select(e => e.Choices()).ToArray();
        var width = choices.Max(c => c.Count);
        var length = PaddedRows.PaddedLength(spec, maxLength, examples.Max(e => e.ChoiceLengths?.Max() ?? e.Length));
        var rows = new PaddedRows(examples.Count * width, length, padTokenId);
        for (var row = 0; row < examples.Count; row++)
        {
            var example = examples[row];
            for (var choice = 0; choice < choices[row].Count; choice++)
            {
                var range = choices[row][choice];
                rows.Write((row * width) + choice, example.InputIds.AsSpan(range), example.TokenTypeIds.AsSpan(range));
            }
        }

        return rows.ToBatch([examples.Count, width, length], spec.ReturnTokenTypeIds, LabelCollations.ClassIds.Collate(examples, length));
    }
}
