using ExperimentKit.Data.Records;

namespace ExperimentKit.Data;

/// <summary>
/// A row of a data file cannot be read. The message starts with `file:line`, `file:line:column`, or, for records that
/// are not lines (a JSON array element, a Parquet row), `file: record 3` / `file: row 17`; a named column follows as
/// `column 'label':`.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <param name="column">1-based character position of the problem in its line, when one is known.</param>
    public DataFormatException(string file, int line, int? column, string problem)
        : base(column is null ? $"{file}:{line}: {problem}" : $"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Position = RecordPosition.Line(line);
        Column = column;
    }

    public DataFormatException(string file, int line, string problem)
        : this(file, line, null, problem)
    {
    }

    /// <param name="columnName">The record's column that holds the problem (`choices.text` inside a struct), if one does.</param>
    public DataFormatException(string file, RecordPosition position, string? columnName, string problem)
        : base(Describe(file, position, columnName, problem))
    {
        File = file;
        Position = position;
        ColumnName = columnName;
    }

    public string File { get; }

    /// <summary>The 1-based number of the line, or, where <see cref="Position"/> says so, of the JSON array record or Parquet row.</summary>
    public int Line => Position.Number;

    /// <summary>1-based character position in the line, when one is known.</summary>
    public int? Column { get; }

    public RecordPosition Position { get; }

    public string? ColumnName { get; }

    private static string Describe(string file, RecordPosition position, string? columnName, string problem)
    {
        // Lines keep the `file:line:` form compilers and editors jump to; other units have no line to jump to.
        var where = position.Unit == RecordUnit.Line ? $"{file}:{position.Number}:" : $"{file}: {position}:";
        return columnName is null ? $"{where} {problem}" : $"{where} column '{columnName}': {problem}";
    }
}
