using System.Globalization;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// Where a dataset's files are and how their columns are named. Known datasets (glue/mrpc, ...) come
/// with their layout; a `path:` dataset names its own files and uses its header names as they are.
/// </summary>
public sealed record DatasetLayout(string TrainFile, string ValidationFile, bool HasHeader, IReadOnlyDictionary<string, string> ColumnNames)
{
    public static DatasetLayout From(DatasetSpec spec)
    {
        if (spec.Name is { } name)
        {
            var known = KnownDatasets.Find(name)
                ?? throw new ArgumentException($"Unknown dataset '{name}'. Known: {string.Join(", ", KnownDatasets.All.Select(d => d.Name))}.");
            return new DatasetLayout(
                Path.Combine(known.Folder, spec.TrainFile ?? known.TrainFile),
                Path.Combine(known.Folder, spec.ValidationFile ?? known.ValidationFile),
                known.HasHeader,
                known.Columns.ToDictionary(c => c.Name, c => c.Header ?? c.Index.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal));
        }

        var folder = spec.Path ?? throw new ArgumentException("dataset needs `name` or `path`.");
        return new DatasetLayout(
            Path.Combine(folder, spec.TrainFile ?? "train.tsv"),
            Path.Combine(folder, spec.ValidationFile ?? "dev.tsv"),
            HasHeader: true,
            new Dictionary<string, string>());
    }

    /// <summary>The file's own name for a column the experiment names the Hugging Face way.</summary>
    public string FileColumn(string column) => ColumnNames.TryGetValue(column, out var fileColumn) ? fileColumn : column;
}
