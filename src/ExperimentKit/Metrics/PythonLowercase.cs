using System.Globalization;
using System.Text;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Metrics;

/// <summary>
/// Python's str.lower(): each code point's full lower-case mapping (U+0130 becomes "i̇", two characters), and a
/// capital sigma that ends a word becomes the final form ς. .NET's ToLowerInvariant maps one UTF-16 unit to one and
/// knows neither.
/// </summary>
internal static class PythonLowercase
{
    private const char CapitalSigma = '\u03A3';

    // Word_Break MidLetter, MidNumLet and Single_Quote: with the categories in IsCaseIgnorable, Unicode's
    // Case_Ignorable property, which the final-sigma rule skips over.
    private const string WordMiddles = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";

    public static string Lower(string text)
    {
        var lowered = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[UnicodeTables.MaxExpansion];
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsAscii(c))
            {
                lowered.Append(char.ToLowerInvariant(c));
                i++;
            }
            else if (c == CapitalSigma)
            {
                lowered.Append(IsFinalSigma(text, i) ? '\u03C2' : '\u03C3');
                i++;
            }
            else if (Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int used) == System.Buffers.OperationStatus.Done)
            {
                lowered.Append(buffer[..UnicodeTables.WriteLower(rune.Value, buffer)]);
                i += used;
            }
            else
            {
                // A lone surrogate: Python keeps it as it is.
                lowered.Append(c);
                i++;
            }
        }

        return lowered.ToString();
    }

    /// <summary>
    /// Unicode's Final_Sigma condition, as CPython tests it: a cased letter before (case-ignorable characters between
    /// are skipped), and no cased letter after.
    /// </summary>
    private static bool IsFinalSigma(string text, int at)
    {
        int before = at;
        Rune rune = default;
        bool found = false;
        while (before > 0 && Rune.DecodeLastFromUtf16(text.AsSpan(0, before), out rune, out int used) == System.Buffers.OperationStatus.Done)
        {
            before -= used;
            if (!IsCaseIgnorable(rune))
            {
                found = true;
                break;
            }
        }

        if (!found || !IsCased(rune))
        {
            return false;
        }

        for (int after = at + 1; after < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(after), out rune, out int used) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            if (!IsCaseIgnorable(rune))
            {
                return !IsCased(rune);
            }

            after += used;
        }

        return true;
    }

    // Cased is Lowercase, Uppercase or titlecase; the few Other_Lowercase / Other_Uppercase symbols (ª, ⓐ, Ⅰ, ...) are left out.
    private static bool IsCased(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || (rune.IsBmp && WordMiddles.Contains((char)rune.Value, StringComparison.Ordinal));
}
