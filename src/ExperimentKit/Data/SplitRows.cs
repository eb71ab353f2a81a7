using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// The rows of a file that form a split: train_rows / validation_rows first (as `datasets` slices "validation[1000:]"),
/// then max_train_samples / max_eval_samples of what is left (run_glue's select(range(max_samples))). Lazy, so a
/// reader stops at the last row needed.
/// </summary>
public static class SplitRows
{
    public static IEnumerable<T> Select<T>(IEnumerable<T> rows, DatasetSpec spec, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var range = Range(spec, split);
        var sliced = range is { } r ? rows.TakeWhile((_, index) => !r.IsPast(index)).Where((_, index) => r.Contains(index)) : rows;
        return MaxSamples(spec, split) is { } limit ? sliced.Take(limit) : sliced;
    }

    /// <summary>How many rows from the start of the file a reader needs at most; null: all of them.</summary>
    public static int? ReadLimit(DatasetSpec spec, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var limit = MaxSamples(spec, split);
        return Range(spec, split) is { } range
            ? (range.End, limit) switch
            {
                ({ } end, { } samples) => Math.Min(end, (range.Start ?? 0) + samples),
                ({ } end, null) => end,
                (null, { } samples) => (range.Start ?? 0) + samples,
                _ => null,
            }
            : limit;
    }

    private static RowRange? Range(DatasetSpec spec, DatasetSplit split) => split switch
    {
        DatasetSplit.Train => spec.TrainRows,
        DatasetSplit.Validation => spec.ValidationRows,
        _ => null,
    };

    private static int? MaxSamples(DatasetSpec spec, DatasetSplit split) => split == DatasetSplit.Train ? spec.MaxTrainSamples : spec.MaxEvalSamples;
}
