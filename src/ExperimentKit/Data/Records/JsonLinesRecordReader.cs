using System.Text.Json;

namespace ExperimentKit.Data.Records;

/// <summary>
/// JSON Lines: one JSON object per line, as Hugging Face datasets' `to_json` writes. Blank lines are skipped; a line
/// that is not one JSON object stops with the file, the line and the byte of the line where the JSON breaks.
/// </summary>
public sealed class JsonLinesRecordReader(string path) : IRecordReader
{
    internal const string Rules = "jsonl: one object per line, blank lines skipped, strict UTF-8";

    public string Path { get; } = path;

    public DataFileFormat Format => DataFileFormat.JsonLines;

    public string Fingerprint => RecordReaders.Fingerprint(Format);

    public IEnumerable<DataRecord> Read()
    {
        using var lines = new Utf8LineReader(Path);
        while (lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var position = RecordPosition.Line(lines.LineNumber);
            yield return new DataRecord(Path, position, new JsonFields(Parse(line, position)));
        }
    }

    private JsonElement Parse(string line, RecordPosition position)
    {
        JsonElement value;
        try
        {
            value = JsonSerializer.Deserialize<JsonElement>(line);
        }
        catch (JsonException error)
        {
            throw new DataFormatException(Path, position, null,
                $"malformed JSON at {JsonErrors.Where(error)} of the line: {JsonErrors.Reason(error)}.");
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new DataFormatException(Path, position, null,
                $"expected one JSON object per line, found {FieldValues.Describe(value)}.");
    }
}
