namespace ExperimentKit.Data;

/// <summary>
/// A tokenized example, unpadded: what `datasets.map(tokenize)` leaves in a row. <paramref name="Labels"/> holds the
/// task's targets as numbers: one class id, one score (regression), a multi-hot row (multi-label), or a label id per
/// token with -100 where no loss is computed (token classification); the task's label collation makes the tensor.
/// </summary>
public sealed record EncodedExample(int[] InputIds, int[] TokenTypeIds, float[] Labels)
{
    public int Length => InputIds.Length;

    /// <summary>An example of one class id.</summary>
    public static EncodedExample WithClass(int[] inputIds, int[] tokenTypeIds, int label) => new(inputIds, tokenTypeIds, [label]);
}
