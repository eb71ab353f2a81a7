namespace ExperimentKit.Data.Records;

/// <summary>
/// A Parquet value of a type records cannot give (a timestamp, a decimal, a map). It fails only when its column is read,
/// so a file may carry columns a task never uses.
/// </summary>
/// <param name="ParquetType">The column's Parquet type as the error names it, e.g. "INT96 (DateTime)".</param>
internal sealed record UnsupportedValue(string ParquetType);
