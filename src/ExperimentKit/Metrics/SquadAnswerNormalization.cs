using System.Globalization;
using System.Text;

namespace ExperimentKit.Metrics;

/// <summary>
/// normalize_answer of the official SQuAD v1.1 evaluation script: lower-case (Python's str.lower), drop ASCII
/// punctuation (string.punctuation), replace the articles a, an and the by a space where they are whole words
/// (re's \b(a|an|the)\b), then collapse whitespace (" ".join(s.split())).
/// </summary>
internal static class SquadAnswerNormalization
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static string Normalize(string text) =>
        string.Join(' ', PythonWhitespace.Split(RemoveArticles(RemovePunctuation(PythonLowercase.Lower(text)))));

    private static string RemovePunctuation(string text) =>
        string.Concat(text.Where(c => !Punctuation.Contains(c, StringComparison.Ordinal)));

    /// <summary>
    /// A match of \b(a|an|the)\b is a whole run of word characters, so each run that is an article gives way to a
    /// space and every other character stays.
    /// </summary>
    private static string RemoveArticles(string text)
    {
        var result = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && IsWordAt(text, i, out int width))
            {
                i += width;
            }

            if (i == start)
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            ReadOnlySpan<char> word = text.AsSpan(start, i - start);
            if (word is "a" or "an" or "the")
            {
                result.Append(' ');
            }
            else
            {
                result.Append(word);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Python re's \w on str: a letter or anything numeric (str.isalnum), or '_'. Combining marks are not word
    /// characters there, so "the" followed by U+0301 is still the article.
    /// </summary>
    private static bool IsWordAt(string text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return false;
        }

        return rune.Value == '_' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
