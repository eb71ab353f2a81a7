using System.Globalization;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Data;

/// <summary>Reads a split of a sentence(-pair) classification dataset from its TSV file.</summary>
public static class TextClassificationReader
{
    public static IReadOnlyList<TextClassificationExample> Read(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        var layout = DatasetLayout.From(spec);
        var path = Locate(spec, split, root);
        var table = TsvTable.Read(path, layout.HasHeader);

        var textA = table.ColumnIndex(layout.FileColumn(spec.TextA));
        var textB = spec.TextB is null ? (int?)null : table.ColumnIndex(layout.FileColumn(spec.TextB));
        var label = table.ColumnIndex(layout.FileColumn(spec.Label));
        var limit = split == DatasetSplit.Train ? spec.MaxTrainSamples : spec.MaxEvalSamples;

        return table.Rows
            .Take(limit ?? int.MaxValue)
            .Select(row => new TextClassificationExample(
                row.Line,
                row.Fields[textA],
                textB is { } b ? row.Fields[b] : null,
                ParseLabel(row.Fields[label], spec.LabelNames, path, row.Line)))
            .ToArray();
    }

    /// <summary>The full path of the split's data file.</summary>
    /// <exception cref="DataFileNotFoundException">It is under none of the data roots.</exception>
    public static string Locate(DatasetSpec spec, DatasetSplit split, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(root);
        var layout = DatasetLayout.From(spec);
        var file = split == DatasetSplit.Train ? layout.TrainFile : layout.ValidationFile;
        return root.Locate(file, $"{split.ToString().ToLowerInvariant()} file of dataset '{spec.Name ?? spec.Path}'");
    }

    /// <summary>A label is either its id ("1") or its class name ("entailment").</summary>
    private static int ParseLabel(string value, EquatableArray<string> names, string path, int line)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0 && id < names.Count)
        {
            return id;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new DataFormatException(path, line,
            $"label '{value}' is neither a label id 0..{names.Count - 1} nor one of {string.Join(", ", names)}.");
    }
}
