using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>
/// The documents a masked-LM split trains on, in file order: each line of a text file, or each text column of a
/// table (text_a, then text_b when the dataset has pairs, so both sentences of a GLUE pair are read).
/// </summary>
public static class MaskedLmTexts
{
    public static IEnumerable<string> Read(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Format switch
        {
            DataFormat.Text => SplitRows.Select(TextLines.Read(DatasetLayout.Locate(spec, split, root)), spec, split),
            DataFormat.Tsv => FromTable(spec, split, root),
            _ => DatasetRecords.Read(spec, split, root).SelectMany(record => Columns(spec).Select(record.String)),
        };
    }

    private static IEnumerable<string> FromTable(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        var layout = DatasetLayout.From(spec);
        var table = TsvTable.Read(DatasetLayout.Locate(spec, split, root), layout.HasHeader);
        var columns = Columns(spec).Select(c => table.ColumnIndex(layout.FileColumn(c), c == spec.TextA ? "dataset.text_a" : "dataset.text_b")).ToArray();
        return SplitRows.Select(table.Rows, spec, split).SelectMany(row => columns.Select(c => row.Fields[c]));
    }

    private static string[] Columns(DatasetSpec spec) => spec.TextB is { } b ? [spec.TextA, b] : [spec.TextA];
}
