namespace ExperimentKit.Data;

/// <summary>
/// A tokenized example, unpadded: what `datasets.map(tokenize)` leaves in a row. <paramref name="Labels"/> holds the
/// task's targets as numbers: one class id, one score (regression), a multi-hot row (multi-label), a label id per
/// token with -100 where no loss is computed (token classification and masked LM), or the start and end token of an
/// answer span (question answering); the task's data collator makes the tensors.
/// </summary>
public sealed record EncodedExample(int[] InputIds, int[] TokenTypeIds, float[] Labels)
{
    /// <summary>Every token of the example; for multiple choice, of all its choices together.</summary>
    public int Length => InputIds.Length;

    /// <summary>
    /// Multiple choice: the lengths of the choices, whose sequences lie end to end in <see cref="InputIds"/> and
    /// <see cref="TokenTypeIds"/> (an example is a question with each of its answers); null for one sequence.
    /// </summary>
    public int[]? ChoiceLengths { get; init; }

    /// <summary>
    /// overflow_to_sample_mapping: the index, in its split as read, of the example this row was cut from, where one
    /// example becomes several rows (question answering's windows over a long context); -1 otherwise.
    /// </summary>
    public int SourceIndex { get; init; } = -1;

    /// <summary>
    /// offset_mapping of the tokens a prediction may point at: [start, end) character offsets in the source text, two
    /// per token, with -1 for tokens outside it (question answering keeps the context's tokens); null when not kept.
    /// </summary>
    public int[]? Offsets { get; init; }

    /// <summary>An example of one class id.</summary>
    public static EncodedExample WithClass(int[] inputIds, int[] tokenTypeIds, int label) => new(inputIds, tokenTypeIds, [label]);

    /// <summary>The token range of each choice (one range covering everything when the example is one sequence).</summary>
    public IReadOnlyList<Range> Choices()
    {
        if (ChoiceLengths is null)
        {
            return [Range.All];
        }

        var ranges = new Range[ChoiceLengths.Length];
        var start = 0;
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = new Range(start, start + ChoiceLengths[i]);
            start += ChoiceLengths[i];
        }

        return ranges;
    }
}
