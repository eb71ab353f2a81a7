namespace ExperimentKit.Tokenization;

/// <summary>
/// Greedy longest-match-first WordPiece (HF WordPiece model): pieces after the first carry the "##" prefix;
/// a word longer than <see cref="MaxInputCharsPerWord"/> code points, or with any part that matches nothing,
/// becomes a single [UNK].
/// </summary>
public sealed class WordPiece
{
    // Words up to this many UTF-16 units keep their prefix hashes and pieces on the stack (the default limit is 100 code points).
    private const int StackHashes = 256;

    public WordPiece(WordPieceVocabulary vocabulary, int maxInputCharsPerWord = 100)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxInputCharsPerWord);
        Vocabulary = vocabulary;
        MaxInputCharsPerWord = maxInputCharsPerWord;
    }

    public WordPieceVocabulary Vocabulary { get; }

    public int MaxInputCharsPerWord { get; }

    /// <summary>The pieces of one already-normalized word, as strings (for inspection; the encoder uses ids).</summary>
    public IReadOnlyList<string> Tokenize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var origins = new int[word.Length];
        var sequence = new TokenSequence();
        Tokenize(word, origins, origins, 0, sequence, cache: null);
        var pieces = new string[sequence.Count];
        for (int i = 0; i < pieces.Length; i++)
        {
            pieces[i] = Vocabulary.GetToken(sequence.Ids[i]);
        }

        return pieces;
    }

    /// <summary>Appends the pieces of <paramref name="word"/>, with offsets taken from the per-char origin spans.</summary>
    /// <param name="cache">This thread's memo of split words, bound to this WordPiece; null to split afresh.</param>
    internal void Tokenize(
        ReadOnlySpan<char> word,
        ReadOnlySpan<int> originStarts,
        ReadOnlySpan<int> originEnds,
        int wordId,
        TokenSequence output,
        WordSplitCache? cache)
    {
        if (word.IsEmpty)
        {
            return;
        }

        // The limit counts code points (Rust chars), not UTF-16 units.
        if (word.Length > MaxInputCharsPerWord && CountCodePoints(word) > MaxInputCharsPerWord)
        {
            output.Add(Vocabulary.UnknownId, originStarts[0], originEnds[^1], wordId);
            return;
        }

        // Most words are vocabulary entries: the whole word is the first candidate and usually the answer, found
        // without the buffers that splitting needs.
        uint wordHash = PieceTable.Hash(word);
        if (word.Length <= Vocabulary.MaxWordLength && Vocabulary.Words.TryGet(word, wordHash, out int id))
        {
            output.Add(id, originStarts[0], originEnds[^1], wordId);
            return;
        }

        TokenizeSplit(word, wordHash, originStarts, originEnds, wordId, output, cache);
    }

    /// <summary>A word that is not a vocabulary entry: from the cache, or split and cached.</summary>
    private void TokenizeSplit(
        ReadOnlySpan<char> word,
        uint wordHash,
        ReadOnlySpan<int> originStarts,
        ReadOnlySpan<int> originEnds,
        int wordId,
        TokenSequence output,
        WordSplitCache? cache)
    {
        WordSplitCache.Piece[]? cached = cache?.Find(word, wordHash);
        if (cached is not null)
        {
            Emit(cached, originStarts, originEnds, wordId, output);
            return;
        }

        Span<uint> hashes = word.Length <= StackHashes ? stackalloc uint[word.Length] : new uint[word.Length];
        Span<WordSplitCache.Piece> pieces = word.Length <= StackHashes
            ? stackalloc WordSplitCache.Piece[word.Length]
            : new WordSplitCache.Piece[word.Length];
        pieces = pieces[..Split(word, hashes, pieces)];
        cache?.Add(word, wordHash, pieces);
        Emit(pieces, originStarts, originEnds, wordId, output);
    }

    /// <summary>Hashes of the prefixes of <paramref name="word"/> up to <paramref name="limit"/> units; returns how many.</summary>
    private static int HashPrefixes(ReadOnlySpan<char> word, int limit, Span<uint> hashes)
    {
        int length = Math.Min(word.Length, limit);
        uint hash = PieceTable.Empty;
        for (int i = 0; i < length; i++)
        {
            hash = PieceTable.Extend(hash, word[i]);
            hashes[i] = hash;
        }

        return length;
    }

    /// <summary>
    /// Greedy longest-match-first; returns the number of pieces, or a single [UNK] piece if any part matches nothing.
    /// </summary>
    /// <param name="hashes">Room for the prefix hashes of the rest of the word at each position.</param>
    private int Split(ReadOnlySpan<char> word, Span<uint> hashes, Span<WordSplitCache.Piece> pieces)
    {
        int count = 0;
        int start = 0;
        while (start < word.Length)
        {
            // No vocabulary entry is longer than the longest token, so longer candidates cannot match.
            PieceTable table = start == 0 ? Vocabulary.Words : Vocabulary.Continuations;
            ReadOnlySpan<char> rest = word[start..];
            int length = HashPrefixes(rest, start == 0 ? Vocabulary.MaxWordLength : Vocabulary.MaxContinuationLength, hashes);
            int id = -1;
            while (length > 0 && !table.TryGet(rest[..length], hashes[length - 1], out id))
            {
                length -= length >= 2 && char.IsSurrogatePair(rest[length - 2], rest[length - 1]) ? 2 : 1;
            }

            if (length == 0)
            {
                pieces[0] = new WordSplitCache.Piece(Vocabulary.UnknownId, word.Length);
                return 1;
            }

            start += length;
            pieces[count++] = new WordSplitCache.Piece(id, start);
        }

        return count;
    }

    private static void Emit(
        ReadOnlySpan<WordSplitCache.Piece> pieces, ReadOnlySpan<int> originStarts, ReadOnlySpan<int> originEnds, int wordId, TokenSequence output)
    {
        int start = 0;
        foreach (WordSplitCache.Piece piece in pieces)
        {
            output.Add(piece.Id, originStarts[start], originEnds[piece.End - 1], wordId);
            start = piece.End;
        }
    }

    private static int CountCodePoints(ReadOnlySpan<char> word)
    {
        int count = word.Length;
        for (int i = 1; i < word.Length; i++)
        {
            if (char.IsSurrogatePair(word[i - 1], word[i]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
