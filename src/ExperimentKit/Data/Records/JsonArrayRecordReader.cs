namespace ExperimentKit.Data.Records;

/// <summary>
/// A JSON file holding an array of records, as `json.dump(split.to_list())` writes (ARC-Easy's files here), or an
/// object whose "data" member is that array (`datasets`' `field="data"` layout; other members are skipped). Elements are
/// parsed one at a time from the stream, so a large file is never in memory whole. SQuAD's nested
/// data → paragraphs → qas layout is not flat records and has a reader of its own.
/// </summary>
public sealed class JsonArrayRecordReader(string path) : IRecordReader
{
    internal const string Rules = "json: top-level array of objects or {\"data\": [...]}, streamed";

    public string Path { get; } = path;

    public DataFileFormat Format => DataFileFormat.Json;

    public string Fingerprint => RecordReaders.Fingerprint(Format);

    public IEnumerable<DataRecord> Read()
    {
        using var cursor = new JsonArrayCursor(Path);
        while (cursor.TryNext(out var element))
        {
            yield return new DataRecord(Path, RecordPosition.Record(cursor.Count), new JsonFields(element));
        }
    }
}
