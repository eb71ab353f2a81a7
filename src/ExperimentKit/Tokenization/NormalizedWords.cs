namespace ExperimentKit.Tokenization;

/// <summary>
/// Reusable buffer for one text after BERT normalization and pre-tokenization: the normalized characters,
/// each with the span of original characters it came from, cut into words. Reused per thread so that
/// tokenizing a dataset allocates no per-character objects.
/// </summary>
internal sealed class NormalizedWords
{
    private char[] _chars = new char[256];
    private int[] _originStarts = new int[256];
    private int[] _originEnds = new int[256];
    private Word[] _words = new Word[64];
    private int _wordStart = -1;

    /// <summary>One pre-token: a range of normalized characters, or a special token matched in the raw text.</summary>
    /// <param name="SpecialId">Vocabulary id of a special token written in the text; -1 for normal words.</param>
    internal readonly record struct Word(int Start, int End, int SpecialId, int OriginStart, int OriginEnd);

    public int CharCount { get; private set; }

    public int WordCount { get; private set; }

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, CharCount);

    public ReadOnlySpan<int> OriginStarts => _originStarts.AsSpan(0, CharCount);

    public ReadOnlySpan<int> OriginEnds => _originEnds.AsSpan(0, CharCount);

    public ReadOnlySpan<Word> Words => _words.AsSpan(0, WordCount);

    public void Clear()
    {
        CharCount = 0;
        WordCount = 0;
        _wordStart = -1;
    }

    /// <summary>Adds a character to the current word, opening one if needed.</summary>
    public void Append(char c, int originStart, int originEnd)
    {
        if (CharCount == _chars.Length)
        {
            Grow();
        }

        if (_wordStart < 0)
        {
            _wordStart = CharCount;
        }

        _chars[CharCount] = c;
        _originStarts[CharCount] = originStart;
        _originEnds[CharCount] = originEnd;
        CharCount++;
    }

    /// <summary>Adds ASCII letters and digits to the current word, each mapping back to one original character.</summary>
    /// <param name="originStart">Where the first of them is in the original text.</param>
    public void AppendAscii(ReadOnlySpan<char> run, int originStart, bool lowerCase)
    {
        while (CharCount + run.Length > _chars.Length)
        {
            Grow();
        }

        if (_wordStart < 0)
        {
            _wordStart = CharCount;
        }

        Span<char> target = _chars.AsSpan(CharCount, run.Length);
        Span<int> starts = _originStarts.AsSpan(CharCount, run.Length);
        Span<int> ends = _originEnds.AsSpan(CharCount, run.Length);
        for (int i = 0; i < run.Length; i++)
        {
            char c = run[i];
            target[i] = lowerCase && char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            starts[i] = originStart + i;
            ends[i] = originStart + i + 1;
        }

        CharCount += run.Length;
    }

    /// <summary>Closes the current word, if any (whitespace, or either side of a punctuation character).</summary>
    public void EndWord()
    {
        if (_wordStart < 0)
        {
            return;
        }

        AddWord(new Word(_wordStart, CharCount, -1, _originStarts[_wordStart], _originEnds[CharCount - 1]));
        _wordStart = -1;
    }

    public void AddSpecial(int id, int originStart, int originEnd)
    {
        EndWord();
        AddWord(new Word(CharCount, CharCount, id, originStart, originEnd));
    }

    private void AddWord(Word word)
    {
        if (WordCount == _words.Length)
        {
            Array.Resize(ref _words, _words.Length * 2);
        }

        _words[WordCount++] = word;
    }

    private void Grow()
    {
        int size = _chars.Length * 2;
        Array.Resize(ref _chars, size);
        Array.Resize(ref _originStarts, size);
        Array.Resize(ref _originEnds, size);
    }
}
