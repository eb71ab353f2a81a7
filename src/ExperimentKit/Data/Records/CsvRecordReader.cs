using System.Text;
using nietras.SeparatedValues;

namespace ExperimentKit.Data.Records;

/// <summary>
/// A comma-separated file with a header row and RFC 4180 quoting: a field holding a comma, a quote or a line break is
/// quoted, and a quote inside it is doubled (`"say ""hi"", then go"`). Sep splits the records; each field is then
/// checked and unquoted here, because Sep accepts stray quotes silently. A record's position is the line it starts on
/// (the header is line 1), even when a quoted field spans lines. A UTF-8 byte-order mark is skipped, blank lines are
/// skipped (as pandas and Hugging Face datasets do), and bytes that are not UTF-8 stop the read.
/// </summary>
public sealed class CsvRecordReader(string path) : IRecordReader
{
    internal const string Rules = "csv: header row, RFC 4180 quotes checked, blank lines skipped, strict UTF-8";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Path { get; } = path;

    public DataFileFormat Format => DataFileFormat.Csv;

    public string Fingerprint => RecordReaders.Fingerprint(Format);

    public IEnumerable<DataRecord> Read()
    {
        using var reader = Open();
        RecordColumns? columns = null;
        var nextLine = 1;
        while (MoveNext(reader, nextLine))
        {
            var (line, raw) = Current(reader, out nextLine);
            if (raw is [""])
            {
                continue;
            }

            // Quoting first: a stray quote makes Sep run the rest of the line (or file) into one field, which would otherwise
            // be reported as a wrong field count.
            var position = RecordPosition.Line(line);
            var fields = new string[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                fields[i] = Unquote(raw[i], position, columns is not null && i < columns.Count ? columns.Names[i] : null);
            }

            if (columns is null)
            {
                // The header is read as a row like any other, so its names are unquoted by the same rules.
                columns = RecordColumns.Header(Path, line, fields);
                continue;
            }

            if (fields.Length != columns.Count)
            {
                throw new DataFormatException(Path, position, null,
                    $"expected {columns.Count} comma-separated fields as in the header, found {fields.Length} (a field that holds a comma must be quoted).");
            }

            yield return new DataRecord(Path, position, new ColumnFields(columns, Array.ConvertAll<string, object?>(fields, f => new Cell(f))));
        }
    }

    private SepReader Open()
    {
        var text = new StreamReader(Path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        try
        {
            // Sep reads ahead as it opens, so a bad byte near the start surfaces here.
            return Sep.New(',')
                .Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = false })
                .From(text);
        }
        catch (DecoderFallbackException)
        {
            text.Dispose();
            throw NotUtf8(1);
        }
    }

    /// <summary>Sep decodes ahead of the row it returns, so a bad byte can be placed only after the last whole row.</summary>
    private bool MoveNext(SepReader reader, int nextLine)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8(nextLine);
        }
    }

    private DataFormatException NotUtf8(int line) => new(Path, RecordPosition.Line(line), null,
        "bytes that are not valid UTF-8 at or after this line; save the file as UTF-8.");

    // Outside the iterator: Sep's row is a ref struct, which cannot live across a yield.
    private static (int Line, string[] Raw) Current(SepReader reader, out int nextLine)
    {
        var row = reader.Current;
        var raw = new string[row.ColCount];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = row[i].ToString();
        }

        nextLine = row.LineNumberToExcl;

        // Without a header option Sep 0.17 numbers the first row from line 2; it starts on line 1 by definition.
        return (row.RowIndex == 0 ? 1 : row.LineNumberFrom, raw);
    }

    /// <summary>A field as RFC 4180 writes it: bare text without quotes, or quoted whole with inner quotes doubled.</summary>
    private string Unquote(string raw, RecordPosition position, string? column)
    {
        if (!raw.Contains('"', StringComparison.Ordinal))
        {
            return raw;
        }

        if (raw[0] != '"')
        {
            throw new DataFormatException(Path, position, column,
                "a quote inside a field that does not start with one; quote the whole field and double the quote inside (\"say \"\"hi\"\"\").");
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] != '"')
            {
                text.Append(raw[i]);
            }
            else if (i + 1 < raw.Length && raw[i + 1] == '"')
            {
                text.Append('"');
                i++;
            }
            else if (i == raw.Length - 1)
            {
                return text.ToString();
            }
            else
            {
                throw new DataFormatException(Path, position, column,
                    $"text after the closing quote ('{raw[(i + 1)..Math.Min(raw.Length, i + 21)]}'); a quote inside a quoted field is doubled (\"\").");
            }
        }

        throw new DataFormatException(Path, position, column,
            "the quote that opens this field is never closed, so the rest of the file ran into it; close it, or double a quote meant as text (\"\").");
    }
}
