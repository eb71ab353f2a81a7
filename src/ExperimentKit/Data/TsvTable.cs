namespace ExperimentKit.Data;

/// <summary>
/// A tab-separated file read as plain tab-split lines: GLUE files hold literal quotes, so CSV quoting
/// rules would corrupt them. A UTF-8 byte-order mark is skipped; bytes that are not UTF-8, a row of the wrong width
/// and a file without data rows stop with the file and line, never replaced or dropped.
/// </summary>
public sealed class TsvTable
{
    private readonly Dictionary<string, int> columnIndex;

    private TsvTable(string path, IReadOnlyList<string> header, IReadOnlyList<TsvRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        columnIndex = header.Select((name, index) => (name, index))
            .GroupBy(pair => pair.name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().index, StringComparer.Ordinal);
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<TsvRow> Rows { get; }

    /// <summary>Reads the file; without a header row, columns are named by their 0-based index ("0", "1", ...).</summary>
    public static TsvTable Read(string path, bool hasHeader)
    {
        using var reader = new Utf8LineReader(path);
        var rows = new List<TsvRow>();
        IReadOnlyList<string>? header = null;
        while (reader.ReadLine() is { } line)
        {
            var lineNumber = reader.LineNumber;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (header is null && hasHeader)
            {
                header = fields;
                continue;
            }

            header ??= Enumerable.Range(0, fields.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (fields.Length != header.Count)
            {
                throw new DataFormatException(path, lineNumber, $"expected {header.Count} tab-separated fields{(hasHeader ? " as in the header" : string.Empty)}, found {fields.Length}.");
            }

            rows.Add(new TsvRow(lineNumber, fields));
        }

        if (rows.Count == 0)
        {
            throw new DataFormatException(path, Math.Max(1, reader.LineNumber), hasHeader && header is not null
                ? "the file has a header row but no data rows; a split needs at least one example."
                : "the file is empty; a split needs at least one example.");
        }

        return new TsvTable(path, header ?? [], rows);
    }

    /// <summary>The index of a named column; an unknown name is an error that lists the file's columns.</summary>
    /// <param name="setting">The experiment key that names the column (dataset.text_a), so the message says what to change.</param>
    public int ColumnIndex(string column, string? setting = null) =>
        columnIndex.TryGetValue(column, out var index)
            ? index
            : throw new DataFormatException(Path, 1, $"no column '{column}'{(setting is null ? string.Empty : $" (from {setting})")}. Columns: {string.Join(", ", Header.Select(h => $"'{h}'"))}.");
}

/// <summary>One data line and its 1-based line number in the file.</summary>
public sealed record TsvRow(int Line, IReadOnlyList<string> Fields);
