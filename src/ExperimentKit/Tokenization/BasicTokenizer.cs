using System.Buffers;
using System.Text;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Hugging Face's BERT normalizer and pre-tokenizer in one pass: clean_text (drop NUL, U+FFFD and
/// control characters, map whitespace to a space), spaces around CJK ideographs, NFD accent stripping,
/// lower-casing, then a split on whitespace and around every punctuation character.
/// Steps run in the Rust tokenizers' order (strip accents before lower-casing, lower-casing per character)
/// because BertTokenizerFast is what AutoTokenizer loads for BERT.
/// </summary>
public sealed class BasicTokenizer
{
    /// <param name="doLowerCase">Lower-case the text (bert-base-uncased: true).</param>
    /// <param name="stripAccents">null: strip accents exactly when lower-casing, as Hugging Face does.</param>
    /// <param name="tokenizeChineseChars">Put every CJK ideograph in a word of its own.</param>
    public BasicTokenizer(bool doLowerCase = true, bool? stripAccents = null, bool tokenizeChineseChars = true)
    {
        DoLowerCase = doLowerCase;
        StripAccents = stripAccents ?? doLowerCase;
        TokenizeChineseChars = tokenizeChineseChars;
    }

    public bool DoLowerCase { get; }

    public bool StripAccents { get; }

    public bool TokenizeChineseChars { get; }

    /// <summary>The words of <paramref name="text"/>, as HF BasicTokenizer.tokenize returns them.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new NormalizedWords();
        Split(text, 0, words);
        var result = new string[words.WordCount];
        for (int i = 0; i < result.Length; i++)
        {
            NormalizedWords.Word word = words.Words[i];
            result[i] = words.Chars[word.Start..word.End].ToString();
        }

        return result;
    }

    /// <summary>Normalizes <paramref name="text"/> into <paramref name="output"/>; origins are offset by <paramref name="originOffset"/>.</summary>
    internal void Split(ReadOnlySpan<char> text, int originOffset, NormalizedWords output)
    {
        Span<char> stripped = stackalloc char[UnicodeTables.MaxExpansion];
        Span<char> mapped = stackalloc char[UnicodeTables.MaxExpansion * UnicodeTables.MaxExpansion];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int origin = originOffset + i;
            if (c < 0x80)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    i++;
                    AppendAsciiSeparator(c, origin, output);
                    continue;
                }

                // Letters and digits are the only ASCII characters that neither split nor get dropped:
                // a run of them joins the current word in one copy. (Words are short: a scalar scan beats a vectorized one.)
                int end = i + 1;
                while (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
                {
                    end++;
                }

                output.AppendAscii(text[i..end], origin, DoLowerCase);
                i = end;
                continue;
            }

            OperationStatus status = Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed);
            i += consumed;
            // A lone surrogate is category Cs, which clean_text removes like any control character.
            if (status != OperationStatus.Done || rune.Value == 0xFFFD || BertCharacters.IsControl(rune))
            {
                continue;
            }

            if (BertCharacters.IsWhitespace(rune))
            {
                output.EndWord();
                continue;
            }

            bool isolate = TokenizeChineseChars && BertCharacters.IsChinese(rune.Value);
            if (isolate)
            {
                output.EndWord();
            }

            int length = Map(rune, stripped, mapped);
            AppendMapped(mapped[..length], origin, origin + consumed, output);
            if (isolate)
            {
                output.EndWord();
            }
        }

        output.EndWord();
    }

    /// <summary>An ASCII character that is not a letter or digit (those go in runs).</summary>
    private static void AppendAsciiSeparator(char c, int origin, NormalizedWords output)
    {
        if (c is ' ' or '\t' or '\n' or '\r')
        {
            output.EndWord();
            return;
        }

        // The other C0 controls and DEL are category Cc: clean_text drops them.
        if (c < 0x20 || c == 0x7F)
        {
            return;
        }

        // Every other printable ASCII character is BERT punctuation (BertCharacters.IsAsciiPunctuation): a word of its own.
        output.EndWord();
        output.Append(c, origin, origin + 1);
        output.EndWord();
    }

    /// <summary>Accent stripping then lower-casing of one non-ASCII code point; returns the chars written to <paramref name="mapped"/>.</summary>
    private int Map(Rune rune, Span<char> stripped, Span<char> mapped)
    {
        int length = StripAccents ? UnicodeTables.WriteStripped(rune.Value, stripped) : rune.EncodeToUtf16(stripped);
        if (!DoLowerCase)
        {
            stripped[..length].CopyTo(mapped);
            return length;
        }

        int written = 0;
        ReadOnlySpan<char> rest = stripped[..length];
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out Rune part, out int used);
            rest = rest[used..];
            if (part.IsAscii)
            {
                char c = (char)part.Value;
                mapped[written++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            }
            else
            {
                written += UnicodeTables.WriteLower(part.Value, mapped[written..]);
            }
        }

        return written;
    }

    /// <summary>Adds the normalized form of one original character; all of it maps back to that character's span.</summary>
    private static void AppendMapped(ReadOnlySpan<char> chars, int originStart, int originEnd, NormalizedWords output)
    {
        while (!chars.IsEmpty)
        {
            Rune.DecodeFromUtf16(chars, out Rune rune, out int used);
            ReadOnlySpan<char> units = chars[..used];
            chars = chars[used..];
            if (BertCharacters.IsWhitespace(rune))
            {
                output.EndWord();
                continue;
            }

            bool punctuation = BertCharacters.IsPunctuation(rune);
            if (punctuation)
            {
                output.EndWord();
            }

            foreach (char unit in units)
            {
                output.Append(unit, originStart, originEnd);
            }

            if (punctuation)
            {
                output.EndWord();
            }
        }
    }
}
