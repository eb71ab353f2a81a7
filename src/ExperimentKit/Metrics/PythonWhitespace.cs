namespace ExperimentKit.Metrics;

/// <summary>
/// Python's str.isspace, and the str.split() and str.lstrip() built on it, which the SQuAD scripts call. Python counts
/// the information separators U+001C..U+001F as whitespace; .NET's char.IsWhiteSpace does not, and agrees on the rest.
/// </summary>
internal static class PythonWhitespace
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    /// <summary>str.split() with no separator: runs of whitespace separate, and no piece is empty.</summary>
    public static List<string> Split(string text)
    {
        var pieces = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool space = i == text.Length || IsSpace(text[i]);
            if (space && start >= 0)
            {
                pieces.Add(text[start..i]);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }

        return pieces;
    }

    /// <summary>str.lstrip() with no argument.</summary>
    public static string LStrip(string text)
    {
        int start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }

        return text[start..];
    }
}
