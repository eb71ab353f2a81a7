using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// Reads a split of a sentence(-pair) classification or regression dataset: the known GLUE layouts and TSV files by
/// their columns (CoLA has no header), every other format record by record through the column mapping.
/// </summary>
public static class TextClassificationReader
{
    public static IReadOnlyList<TextClassificationExample> Read(DatasetSpec spec, ProblemType problem, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Format == DataFormat.Tsv ? ReadTable(spec, problem, split, root) : ReadRecords(spec, problem, split, root);
    }

    private static TextClassificationExample[] ReadRecords(DatasetSpec spec, ProblemType problem, DatasetSplit split, DataRoot root)
    {
        var labels = new LabelParser(problem, spec.LabelNames, spec.Label);
        return DatasetRecords.Read(spec, split, root)
            .Select(record => new TextClassificationExample(
                record.Position.Number,
                record.String(spec.TextA),
                spec.TextB is { } b ? record.String(b) : null,
                labels.Parse(record.String(spec.Label), problem => new DataFormatException(record.File, record.Position, spec.Label, problem))))
            .ToArray();
    }

    private static TextClassificationExample[] ReadTable(DatasetSpec spec, ProblemType problem, DatasetSplit split, DataRoot root)
    {
        var layout = DatasetLayout.From(spec);
        var path = DatasetLayout.Locate(spec, split, root);
        var table = TsvTable.Read(path, layout.HasHeader);

        // Every column is looked up before any row is read, so a wrong column name is the first thing reported.
        var textA = table.ColumnIndex(layout.FileColumn(spec.TextA), "dataset.text_a");
        var textB = spec.TextB is null ? (int?)null : table.ColumnIndex(layout.FileColumn(spec.TextB), "dataset.text_b");
        var label = table.ColumnIndex(layout.FileColumn(spec.Label), "dataset.label");
        var labels = new LabelParser(problem, spec.LabelNames, spec.Label);
        return SplitRows.Select(table.Rows, spec, split)
            .Select(row => new TextClassificationExample(
                row.Line,
                row.Fields[textA],
                textB is { } b ? row.Fields[b] : null,
                labels.Parse(row.Fields[label], problem => new DataFormatException(path, row.Line, label + 1, problem))))
            .ToArray();
    }
}
