namespace ExperimentKit.Data;

/// <summary>One token line of a CoNLL column file: the token, its tag and where they are.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="TagPosition">1-based character position of the tag in the line, for error messages.</param>
internal sealed record ConllRow(int Line, string Token, string Tag, int TagPosition)
{
    private const string DocumentStart = "-DOCSTART-";

    /// <summary>The row of a line; null where the line ends a sentence (blank, or a -DOCSTART- document break).</summary>
    /// <param name="tagColumn">0-based column of the tag; the token is column 0.</param>
    /// <exception cref="DataFormatException">The line has no column <paramref name="tagColumn"/>.</exception>
    public static ConllRow? Parse(string line, int lineNumber, int tagColumn, string path)
    {
        string? token = null;
        string? tag = null;
        int tagPosition = 0;
        int count = 0;
        int end = 0;
        int i = 0;
        while (true)
        {
            while (i < line.Length && IsSeparator(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            int start = i;
            while (i < line.Length && !IsSeparator(line[i]))
            {
                i++;
            }

            token ??= line[start..i];
            if (count == tagColumn)
            {
                tag = line[start..i];
                tagPosition = start + 1;
            }

            count++;
            end = i;
        }

        // Hugging Face's conll2003 loader also ends a sentence at -DOCSTART-, even without the blank line after it.
        if (token is null or DocumentStart)
        {
            return null;
        }

        return tag is null
            ? throw new DataFormatException(path, lineNumber, end + 1,
                $"expected at least {tagColumn + 1} columns (token in column 1, tag in column {tagColumn + 1}), found {count}.")
            : new ConllRow(lineNumber, token, tag, tagPosition);
    }

    /// <summary>Only space and tab: a token may hold other whitespace (no-break space) and stay one token.</summary>
    private static bool IsSeparator(char c) => c is ' ' or '\t';
}
