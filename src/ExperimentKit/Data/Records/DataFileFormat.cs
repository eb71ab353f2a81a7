namespace ExperimentKit.Data.Records;

/// <summary>The file formats a <see cref="IRecordReader"/> reads; <see cref="RecordReaders.FormatOf"/> maps extensions to them.</summary>
public enum DataFileFormat
{
    /// <summary>.csv: comma-separated with RFC 4180 quoting and a header row.</summary>
    Csv,

    /// <summary>.tsv: tab-separated with a header row, no quoting.</summary>
    Tsv,

    /// <summary>.jsonl: one JSON object per line.</summary>
    JsonLines,

    /// <summary>.json: an array of JSON objects, or an object whose "data" member is one.</summary>
    Json,

    /// <summary>.parquet: Apache Parquet.</summary>
    Parquet,
}
