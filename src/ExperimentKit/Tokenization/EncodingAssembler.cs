namespace ExperimentKit.Tokenization;

/// <summary>The BERT post-processor: [CLS] A [SEP] (B [SEP]) over a window of each sequence, with every per-token field.</summary>
internal static class EncodingAssembler
{
    public static Encoding Assemble(
        WordPieceVocabulary vocabulary,
        TokenSequence first,
        (int Start, int End) firstWindow,
        TokenSequence? second,
        (int Start, int End) secondWindow,
        bool addSpecialTokens)
    {
        int lead = addSpecialTokens ? 1 : 0;
        int firstCount = firstWindow.End - firstWindow.Start;
        int length = Length(firstCount, second is null ? null : secondWindow.End - secondWindow.Start, addSpecialTokens);
        var ids = new int[length];
        var types = new int[length];
        WriteIds(vocabulary, first, firstWindow, second, secondWindow, addSpecialTokens, ids, types);
        var attention = new int[length];
        var special = new int[length];
        var offsets = new (int Start, int End)[length];
        var wordIds = new int?[length];
        var sequenceIds = new int?[length];
        attention.AsSpan().Fill(1);
        // Every position is special until a sequence's tokens claim it.
        special.AsSpan().Fill(lead);
        Copy(first, firstWindow, 0, lead, special, offsets, wordIds, sequenceIds);
        if (second is not null)
        {
            Copy(second, secondWindow, 1, firstCount + (2 * lead), special, offsets, wordIds, sequenceIds);
        }

        return new Encoding(ids, types, attention, special, offsets, wordIds, sequenceIds);
    }

    /// <summary>The ids and token types of [CLS] A [SEP] (B [SEP]) over a window of each sequence; returns the length.</summary>
    /// <exception cref="ArgumentException">A buffer is shorter than the encoding.</exception>
    public static int WriteIds(
        WordPieceVocabulary vocabulary,
        TokenSequence first,
        (int Start, int End) firstWindow,
        TokenSequence? second,
        (int Start, int End) secondWindow,
        bool addSpecialTokens,
        Span<int> ids,
        Span<int> types)
    {
        int firstCount = firstWindow.End - firstWindow.Start;
        int length = Length(firstCount, second is null ? null : secondWindow.End - secondWindow.Start, addSpecialTokens);
        if (ids.Length < length || types.Length < length)
        {
            throw new ArgumentException($"The buffers hold {Math.Min(ids.Length, types.Length)} tokens; the encoding has {length}.", nameof(ids));
        }

        int at = 0;
        if (addSpecialTokens)
        {
            ids[at++] = vocabulary.ClassifierId;
        }

        first.Ids.Slice(firstWindow.Start, firstCount).CopyTo(ids[at..]);
        at += firstCount;
        if (addSpecialTokens)
        {
            ids[at++] = vocabulary.SeparatorId;
        }

        types[..at].Clear();
        if (second is not null)
        {
            second.Ids[secondWindow.Start..secondWindow.End].CopyTo(ids[at..]);
            if (addSpecialTokens)
            {
                ids[length - 1] = vocabulary.SeparatorId;
            }

            types[at..length].Fill(1);
        }

        return length;
    }

    /// <summary>The length of [CLS] A [SEP] (B [SEP]) with that many tokens of A and of B (null: no pair).</summary>
    public static int Length(int firstCount, int? secondCount, bool addSpecialTokens) =>
        firstCount + (secondCount ?? 0) + (!addSpecialTokens ? 0 : secondCount is null ? 2 : 3);

    private static void Copy(
        TokenSequence source,
        (int Start, int End) window,
        int sequenceId,
        int at,
        int[] special,
        (int, int)[] offsets,
        int?[] wordIds,
        int?[] sequenceIds)
    {
        int count = window.End - window.Start;
        special.AsSpan(at, count).Clear();
        sequenceIds.AsSpan(at, count).Fill(sequenceId);
        ReadOnlySpan<int> starts = source.Starts;
        ReadOnlySpan<int> ends = source.Ends;
        ReadOnlySpan<int> words = source.WordIds;
        for (int i = 0; i < count; i++)
        {
            int from = window.Start + i;
            offsets[at + i] = (starts[from], ends[from]);
            wordIds[at + i] = words[from];
        }
    }
}
