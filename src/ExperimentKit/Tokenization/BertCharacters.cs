using System.Globalization;
using System.Text;

namespace ExperimentKit.Tokenization;

/// <summary>Hugging Face's BERT character classes (tokenizers' bert normalizer and pre-tokenizer).</summary>
internal static class BertCharacters
{
    /// <summary>
    /// CJK ideographs that get spaces around them. The ranges are the Rust tokenizers' (what
    /// BertTokenizerFast and our parity reference use); Python's _is_chinese_char starts the
    /// Extension E range at 0x2B820 instead of 0x2B920.
    /// </summary>
    public static bool IsChinese(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF)
            or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F)
            or (>= 0x2B920 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x2F800 and <= 0x2FA1F);

    /// <summary>ASCII 33-47, 58-64, 91-96, 123-126: BERT counts `$`, `^`, backtick as punctuation though Unicode does not.</summary>
    public static bool IsAsciiPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    public static bool IsPunctuation(Rune rune) =>
        rune.IsAscii
            ? IsAsciiPunctuation((char)rune.Value)
            : Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation
                or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation;

    /// <summary>Tab, newline and carriage return count as whitespace, not control.</summary>
    public static bool IsWhitespace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>Every "Other" category (Cc, Cf, Cs, Co, Cn) except tab, newline and carriage return, as in clean_text.</summary>
    public static bool IsControl(Rune rune) =>
        rune.Value is not ('\t' or '\n' or '\r')
        && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned;
}
