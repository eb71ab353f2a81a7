namespace ExperimentKit.Data.Records;

/// <summary>The column names of a file (a header, a Parquet schema level) and their indexes, shared by all its records.</summary>
internal sealed class RecordColumns
{
    private readonly Dictionary<string, int> index;

    public RecordColumns(IReadOnlyList<string> names)
    {
        Names = names;
        index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>A header row's names; a name given twice is an error, since a record could not say which one it means.</summary>
    public static RecordColumns Header(string file, int line, IReadOnlyList<string> names)
    {
        var columns = new RecordColumns(names);
        if (columns.index.Count != names.Count)
        {
            var repeated = names.GroupBy(n => n, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw new DataFormatException(file, RecordPosition.Line(line), null,
                $"the header names column '{repeated}' more than once; each column needs its own name.");
        }

        return columns;
    }

    public bool TryIndexOf(string name, out int position) => index.TryGetValue(name, out position);
}
