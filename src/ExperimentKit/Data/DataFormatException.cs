namespace ExperimentKit.Data;

/// <summary>A row of a data file cannot be read; the message starts with `file:line`.</summary>
public sealed class DataFormatException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
