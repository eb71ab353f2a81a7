using System.Globalization;
using ExperimentKit.Data.Records;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// Where a dataset's files are and how their columns are named. Known datasets (glue/mrpc, conll2003, ...) come
/// with their layout; a `path:` dataset names its own files and uses its header names as they are.
/// </summary>
public sealed record DatasetLayout(string TrainFile, string ValidationFile, string? TestFile, bool HasHeader, IReadOnlyDictionary<string, string> ColumnNames)
{
    public static DatasetLayout From(DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Name is { } name)
        {
            var known = KnownDatasets.Find(name)
                ?? throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", KnownDatasets.All.Select(d => d.Name))}.");
            return new DatasetLayout(
                Path.Combine(known.Folder, spec.TrainFile ?? known.TrainFile),
                Path.Combine(known.Folder, spec.ValidationFile ?? known.ValidationFile),
                spec.TestFile is { } test ? Path.Combine(known.Folder, test) : null,
                known.HasHeader,
                known.Columns.ToDictionary(c => c.Name, c => c.Header ?? c.Index.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal));
        }

        var folder = spec.Path ?? throw new ArgumentException("dataset needs `name` or `path`.");
        return new DatasetLayout(
            Path.Combine(folder, spec.TrainFile ?? "train.tsv"),
            Path.Combine(folder, spec.ValidationFile ?? "dev.tsv"),
            spec.TestFile is { } testFile ? Path.Combine(folder, testFile) : null,
            HasHeader: true,
            new Dictionary<string, string>());
    }

    /// <summary>The full path of a split's data file.</summary>
    /// <exception cref="DataFileNotFoundException">It is under none of the data roots.</exception>
    /// <exception cref="InvalidDataException">The dataset has no file for that split.</exception>
    public static string Locate(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.Locate(SplitFile(spec, split), Describe(spec, split));
    }

    /// <summary>The data files of a split: its file, or for a record format a folder's shards in name order.</summary>
    /// <exception cref="DataFileNotFoundException">Under none of the data roots (every path tried is named), or an empty folder.</exception>
    public static IReadOnlyList<string> Files(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(root);
        return RecordFormat(spec.Format) is { } format
            ? RecordReaders.DataFiles(root, SplitFile(spec, split), format, Describe(spec, split))
            : [Locate(spec, split, root)];
    }

    /// <summary>The record reader's name for a format read record by record; null for CoNLL, plain text and SQuAD, which have readers of their own.</summary>
    public static DataFileFormat? RecordFormat(DataFormat format) => format switch
    {
        DataFormat.Tsv => DataFileFormat.Tsv,
        DataFormat.Csv => DataFileFormat.Csv,
        DataFormat.Json => DataFileFormat.Json,
        DataFormat.JsonLines => DataFileFormat.JsonLines,
        DataFormat.Parquet => DataFileFormat.Parquet,
        _ => null,
    };

    private static string SplitFile(DatasetSpec spec, DatasetSplit split)
    {
        var layout = From(spec);
        return split switch
        {
            DatasetSplit.Train => layout.TrainFile,
            DatasetSplit.Validation => layout.ValidationFile,
            _ => layout.TestFile ?? throw new InvalidDataException(
                $"dataset '{spec.Name ?? spec.Path}' has no labelled test split: give 'dataset.test_file', or predict on train or validation"),
        };
    }

    private static string Describe(DatasetSpec spec, DatasetSplit split) => $"{split.ToString().ToLowerInvariant()} file of dataset '{spec.Name ?? spec.Path}'";

    /// <summary>The file's own name for a column the experiment names the Hugging Face way.</summary>
    public string FileColumn(string column) => ColumnNames.TryGetValue(column, out var fileColumn) ? fileColumn : column;
}
