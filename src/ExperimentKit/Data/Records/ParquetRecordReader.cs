using Parquet;
using Parquet.Serialization;

namespace ExperimentKit.Data.Records;

/// <summary>
/// An Apache Parquet file (what Hugging Face datasets' `to_parquet` and the Hub's converted splits are), read one row
/// group at a time with Parquet.Net, so memory holds one row group, not the file. Columns may be strings, integers,
/// floats, doubles, booleans, lists of those and structs of any of these; a column of another type is an error naming
/// it and its Parquet type when it is read. Rows are numbered from 1 across row groups.
/// </summary>
public sealed class ParquetRecordReader(string path) : IRecordReader
{
    internal const string Rules = "parquet: row groups in order, untyped values, integers as int64, floats as double";

    public string Path { get; } = path;

    public DataFileFormat Format => DataFileFormat.Parquet;

    public string Fingerprint => RecordReaders.Fingerprint(Format);

    public IEnumerable<DataRecord> Read()
    {
        using var stream = File.OpenRead(Path);
        var (fields, rowGroups) = Schema(stream);
        var (columns, converters) = ParquetValues.Fields(fields);
        var row = 0;
        for (var group = 0; group < rowGroups; group++)
        {
            foreach (var members in RowGroup(stream, group, row + 1))
            {
                row++;
                yield return new DataRecord(Path, RecordPosition.Row(row), ParquetValues.Row(members, columns, converters));
            }
        }
    }

    // Parquet.Net is async only; the reads run on the thread pool so that no caller's synchronization context can
    // deadlock the blocking wait.
    private static T Wait<T>(Func<Task<T>> read) => Task.Run(read).GetAwaiter().GetResult();

    private (IReadOnlyList<Parquet.Schema.Field> Fields, int RowGroups) Schema(Stream stream)
    {
        try
        {
            return Wait(async () =>
            {
                await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true).ConfigureAwait(false);
                return ((IReadOnlyList<Parquet.Schema.Field>)reader.Schema.Fields, reader.RowGroupCount);
            });
        }
        catch (IOException error)
        {
            throw new InvalidDataException($"{Path}: not a Parquet file that can be read ({error.Message}).", error);
        }
    }

    private IList<Dictionary<string, object>> RowGroup(Stream stream, int group, int firstRow)
    {
        try
        {
            return Wait(async () => (await ParquetSerializer.DeserializeUntypedAsync(stream, rowGroupIndex: group).ConfigureAwait(false)).Data);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or NotSupportedException or ParquetException or InvalidOperationException)
        {
            throw new DataFormatException(Path, RecordPosition.Row(firstRow), null,
                $"Parquet.Net cannot read row group {group + 1}, which starts at this row: {error.Message}");
        }
    }
}
