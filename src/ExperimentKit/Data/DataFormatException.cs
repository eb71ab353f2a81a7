namespace ExperimentKit.Data;

/// <summary>A row of a data file cannot be read; the message starts with `file:line` or `file:line:column`.</summary>
/// <param name="column">1-based character position of the problem in its line, when one is known.</param>
public sealed class DataFormatException(string file, int line, int? column, string problem)
    : Exception(column is null ? $"{file}:{line}: {problem}" : $"{file}:{line}:{column}: {problem}")
{
    public DataFormatException(string file, int line, string problem)
        : this(file, line, null, problem)
    {
    }

    public string File { get; } = file;

    public int Line { get; } = line;

    public int? Column { get; } = column;
}
