using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>Reads a split of a sentence(-pair) classification or regression dataset from its TSV file.</summary>
public static class TextClassificationReader
{
    public static IReadOnlyList<TextClassificationExample> Read(DatasetSpec spec, ProblemType problem, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layout = DatasetLayout.From(spec);
        var path = DatasetLayout.Locate(spec, split, root);
        var table = TsvTable.Read(path, layout.HasHeader);

        // Every column is looked up before any row is read, so a wrong column name is the first thing reported.
        var textA = table.ColumnIndex(layout.FileColumn(spec.TextA), "dataset.text_a");
        var textB = spec.TextB is null ? (int?)null : table.ColumnIndex(layout.FileColumn(spec.TextB), "dataset.text_b");
        var label = table.ColumnIndex(layout.FileColumn(spec.Label), "dataset.label");
        var labels = new LabelParser(problem, spec.LabelNames, path, spec.Label);
        return SplitRows.Select(table.Rows, spec, split)
            .Select(row => new TextClassificationExample(
                row.Line,
                row.Fields[textA],
                textB is { } b ? row.Fields[b] : null,
                labels.Parse(row.Fields[label], row.Line, label + 1)))
            .ToArray();
    }
}
