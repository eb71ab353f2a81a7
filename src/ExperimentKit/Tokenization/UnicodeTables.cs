using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ExperimentKit.Tokenization;

/// <summary>
/// NFD-with-accents-stripped and full lower-casing per code point, as Hugging Face's BertNormalizer applies them.
/// The data lives in UnicodeTables.g.cs because the repo runs with InvariantGlobalization, where
/// string.Normalize does nothing.
/// </summary>
internal static partial class UnicodeTables
{
    // Hangul syllables (Unicode §3.12) decompose arithmetically into two or three jamo, none of them a mark.
    private const int HangulBase = 0xAC00;
    private const int HangulCount = 11172;
    private const int LeadBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailBase = 0x11A7;
    private const int VowelCount = 21;
    private const int TrailCount = 28;

    private static readonly FrozenDictionary<int, string> Stripped =
        CreateStrippedDecompositions().ToFrozenDictionary(e => e.CodePoint, e => e.Value);

    private static readonly FrozenDictionary<int, string> Lowered =
        CreateLowerCaseMappings().ToFrozenDictionary(e => e.CodePoint, e => e.Value);

    /// <summary>Longest output of either mapping for one code point, so callers can size a stack buffer.</summary>
    public const int MaxExpansion = 8;

    /// <summary>Writes NFD(<paramref name="codePoint"/>) without its Mn characters; returns the chars written.</summary>
    public static int WriteStripped(int codePoint, Span<char> destination)
    {
        int syllable = codePoint - HangulBase;
        if ((uint)syllable < HangulCount)
        {
            destination[0] = (char)(LeadBase + (syllable / (VowelCount * TrailCount)));
            destination[1] = (char)(VowelBase + (syllable % (VowelCount * TrailCount) / TrailCount));
            int trail = syllable % TrailCount;
            if (trail == 0)
            {
                return 2;
            }

            destination[2] = (char)(TrailBase + trail);
            return 3;
        }

        if (Stripped.TryGetValue(codePoint, out string? value))
        {
            value.CopyTo(destination);
            return value.Length;
        }

        var rune = new Rune(codePoint);
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
        {
            return 0;
        }

        return rune.EncodeToUtf16(destination);
    }

    /// <summary>Writes the full lower-case mapping of a non-ASCII code point (Rust's char::to_lowercase).</summary>
    public static int WriteLower(int codePoint, Span<char> destination)
    {
        if (Lowered.TryGetValue(codePoint, out string? value))
        {
            value.CopyTo(destination);
            return value.Length;
        }

        return new Rune(codePoint).EncodeToUtf16(destination);
    }
}
