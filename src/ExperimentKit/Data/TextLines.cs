namespace ExperimentKit.Data;

/// <summary>
/// A plain-text corpus as Hugging Face's load_dataset("text") reads it: one example per line, without its line break.
/// </summary>
public static class TextLines
{
    /// <summary>
    /// Every line, read lazily, blank ones included as "": load_dataset("text") keeps them, and run_mlm.py without
    /// line_by_line tokenizes them too, so each adds a [CLS] [SEP] to the stream <see cref="TextBlocks.Group"/> cuts.
    /// (run_mlm.py's line_by_line mode drops blank lines; that is for a caller that keeps one example per line.) A line
    /// ends at LF or CRLF; a lone CR, which Python's universal newlines would also break at, does not end one.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/> (when enumeration starts).</exception>
    /// <exception cref="DataFormatException">Bytes that are not UTF-8; the message names the line and column.</exception>
    public static IEnumerable<string> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Lines(path);
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var reader = new Utf8LineReader(path);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
