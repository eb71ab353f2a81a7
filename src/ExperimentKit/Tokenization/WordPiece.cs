namespace ExperimentKit.Tokenization;

/// <summary>
/// Greedy longest-match-first WordPiece (HF WordPiece model): pieces after the first carry the "##" prefix;
/// a word longer than <see cref="MaxInputCharsPerWord"/> code points, or with any part that matches nothing,
/// becomes a single [UNK].
/// </summary>
public sealed class WordPiece
{
    // Words up to this many UTF-16 units hash their prefixes in a stack buffer (the default limit is 100 code points).
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
        Tokenize(word, origins, origins, 0, sequence);
        var pieces = new string[sequence.Count];
        for (int i = 0; i < pieces.Length; i++)
        {
            pieces[i] = Vocabulary.GetToken(sequence.Ids[i]);
        }

        return pieces;
    }

    /// <summary>Appends the pieces of <paramref name="word"/>, with offsets taken from the per-char origin spans.</summary>
    internal void Tokenize(
        ReadOnlySpan<char> word, ReadOnlySpan<int> originStarts, ReadOnlySpan<int> originEnds, int wordId, TokenSequence output)
    {
        // The limit counts code points (Rust chars), not UTF-16 units.
        if (word.Length > MaxInputCharsPerWord && CountCodePoints(word) > MaxInputCharsPerWord)
        {
            output.Add(Vocabulary.UnknownId, originStarts[0], originEnds[^1], wordId);
            return;
        }

        int rollback = output.Count;
        int start = 0;
        Span<uint> hashes = word.Length <= StackHashes ? stackalloc uint[word.Length] : new uint[word.Length];
        while (start < word.Length)
        {
            // No vocabulary entry is longer than the longest token, so longer candidates cannot match.
            bool first = start == 0;
            PieceTable table = first ? Vocabulary.Words : Vocabulary.Continuations;
            int length = Math.Min(word.Length - start, first ? Vocabulary.MaxWordLength : Vocabulary.MaxContinuationLength);
            uint hash = PieceTable.Empty;
            for (int i = 0; i < length; i++)
            {
                hash = PieceTable.Extend(hash, word[start + i]);
                hashes[i] = hash;
            }

            int id = -1;
            while (length > 0 && !table.TryGet(word.Slice(start, length), hashes[length - 1], out id))
            {
                length -= length >= 2 && char.IsSurrogatePair(word[start + length - 2], word[start + length - 1]) ? 2 : 1;
            }

            if (length == 0)
            {
                output.Truncate(rollback);
                output.Add(Vocabulary.UnknownId, originStarts[0], originEnds[^1], wordId);
                return;
            }

            output.Add(id, originStarts[start], originEnds[start + length - 1], wordId);
            start += length;
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
