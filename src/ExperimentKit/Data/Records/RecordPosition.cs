using System.Globalization;

namespace ExperimentKit.Data.Records;

/// <summary>
/// Where a record is in its file, in the unit its format has: the line a CSV, TSV or JSON Lines record starts on
/// (the header counts as line 1), the element of a JSON array, the row of a Parquet file. Numbers are 1-based.
/// </summary>
public readonly record struct RecordPosition(RecordUnit Unit, int Number)
{
    public static RecordPosition Line(int number) => new(RecordUnit.Line, number);

    public static RecordPosition Record(int number) => new(RecordUnit.Record, number);

    public static RecordPosition Row(int number) => new(RecordUnit.Row, number);

    /// <summary>"line 12", "record 3", "row 17".</summary>
    public override string ToString() =>
        $"{Unit.ToString().ToLowerInvariant()} {Number.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>What a <see cref="RecordPosition"/> counts.</summary>
public enum RecordUnit
{
    /// <summary>A physical line of a text file.</summary>
    Line,

    /// <summary>An element of a JSON array, which may span many lines.</summary>
    Record,

    /// <summary>A row of a Parquet file, counted across its row groups.</summary>
    Row,
}
