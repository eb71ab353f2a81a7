namespace ExperimentKit.Data.Records;

/// <summary>Reads one data file as a stream of records; <see cref="RecordReaders.Open"/> picks the reader for a file.</summary>
public interface IRecordReader
{
    string Path { get; }

    DataFileFormat Format { get; }

    /// <summary>
    /// A stable description of how this reader turns bytes into records (format, quoting, list cells, version), for
    /// cache keys: a tokenization cache that includes it is rebuilt when the reading rules change.
    /// </summary>
    string Fingerprint { get; }

    /// <summary>
    /// The records, read lazily: the file is opened when enumeration starts and closed when it ends, and only the
    /// records (or Parquet row group) being handed out are in memory. A malformed record throws
    /// <see cref="DataFormatException"/> when enumeration reaches it, not before.
    /// </summary>
    IEnumerable<DataRecord> Read();
}
