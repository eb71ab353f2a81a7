using ExperimentKit.Data.Records;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// The records of a split of a dataset kept in a record format (csv, tsv, json, json_lines, parquet): its file, or its
/// folder's shards in name order, read lazily, with the split's rows selected (train_rows, then max samples).
/// </summary>
public static class DatasetRecords
{
    public static IEnumerable<DataRecord> Read(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var format = DatasetLayout.RecordFormat(spec.Format)
            ?? throw new InvalidOperationException($"format '{spec.Format}' is not read record by record");
        var files = DatasetLayout.Files(spec, split, root);
        return SplitRows.Select(files.SelectMany(file => RecordReaders.Open(file, format).Read()), spec, split);
    }
}
