namespace ExperimentKit.Data.Records;

/// <summary>
/// A tab-separated file with a header row, read as plain tab-split lines: GLUE files hold literal `"` characters
/// (`he called "the witness"`), so CSV quoting rules would corrupt them, and a field can hold neither a tab nor a
/// line break. As <see cref="TsvTable"/>: a UTF-8 byte-order mark is skipped, blank lines are skipped, bytes that are
/// not UTF-8 and a row of the wrong width stop with the file and line.
/// </summary>
public sealed class TsvRecordReader(string path) : IRecordReader
{
    internal const string Rules = "tsv: header row, plain tab split (no quoting), blank lines skipped, strict UTF-8";

    public string Path { get; } = path;

    public DataFileFormat Format => DataFileFormat.Tsv;

    public string Fingerprint => RecordReaders.Fingerprint(Format);

    public IEnumerable<DataRecord> Read()
    {
        using var lines = new Utf8LineReader(Path);
        RecordColumns? columns = null;
        while (lines.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (columns is null)
            {
                columns = RecordColumns.Header(Path, lines.LineNumber, fields);
                continue;
            }

            var position = RecordPosition.Line(lines.LineNumber);
            if (fields.Length != columns.Count)
            {
                throw new DataFormatException(Path, position, null,
                    $"expected {columns.Count} tab-separated fields as in the header, found {fields.Length}.");
            }

            yield return new DataRecord(Path, position, new ColumnFields(columns, Array.ConvertAll<string, object?>(fields, f => new Cell(f))));
        }
    }
}
