namespace ExperimentKit.Tokenization;

/// <summary>
/// Greedy longest-match-first WordPiece (HF WordPiece model): pieces after the first carry the "##" prefix;
/// a word longer than <see cref="MaxInputCharsPerWord"/> code points, or with any part that matches nothing,
/// becomes a single [UNK].
/// </summary>
public sealed class WordPiece
{
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
        while (start < word.Length)
        {
            // No vocabulary entry is longer than the longest token, so longer candidates cannot match.
            int limit = start == 0 ? Vocabulary.MaxWordLength : Vocabulary.MaxContinuationLength;
            int end = Math.Min(word.Length, start + limit);
            int id = -1;
            while (end > start)
            {
                ReadOnlySpan<char> candidate = word[start..end];
                bool found = start == 0
                    ? Vocabulary.TryGetId(candidate, out id)
                    : Vocabulary.TryGetContinuationId(candidate, out id);
                if (found)
                {
                    break;
                }

                id = -1;
                end -= end - start >= 2 && char.IsSurrogatePair(word[end - 2], word[end - 1]) ? 2 : 1;
            }

            if (id < 0)
            {
                output.Truncate(rollback);
                output.Add(Vocabulary.UnknownId, originStarts[0], originEnds[^1], wordId);
                return;
            }

            output.Add(id, originStarts[start], originEnds[end - 1], wordId);
            start = end;
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
