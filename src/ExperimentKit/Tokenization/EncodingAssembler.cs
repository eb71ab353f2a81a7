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
        int firstCount = firstWindow.End - firstWindow.Start;
        int secondCount = second is null ? 0 : secondWindow.End - secondWindow.Start;
        int added = !addSpecialTokens ? 0 : second is null ? 2 : 3;
        int length = firstCount + secondCount + added;
        var ids = new int[length];
        var types = new int[length];
        var attention = new int[length];
        var special = new int[length];
        var offsets = new (int Start, int End)[length];
        var wordIds = new int?[length];
        var sequenceIds = new int?[length];
        attention.AsSpan().Fill(1);

        int at = 0;
        if (addSpecialTokens)
        {
            ids[at] = vocabulary.ClassifierId;
            special[at++] = 1;
        }

        at = Copy(first, firstWindow, 0, at, ids, types, offsets, wordIds, sequenceIds);
        if (addSpecialTokens)
        {
            ids[at] = vocabulary.SeparatorId;
            special[at++] = 1;
        }

        if (second is not null)
        {
            at = Copy(second, secondWindow, 1, at, ids, types, offsets, wordIds, sequenceIds);
            if (addSpecialTokens)
            {
                ids[at] = vocabulary.SeparatorId;
                types[at] = 1;
                special[at] = 1;
            }
        }

        return new Encoding(ids, types, attention, special, offsets, wordIds, sequenceIds);
    }

    private static int Copy(
        TokenSequence source,
        (int Start, int End) window,
        int sequenceId,
        int at,
        int[] ids,
        int[] types,
        (int, int)[] offsets,
        int?[] wordIds,
        int?[] sequenceIds)
    {
        int count = window.End - window.Start;
        source.Ids.Slice(window.Start, count).CopyTo(ids.AsSpan(at));
        types.AsSpan(at, count).Fill(sequenceId);
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

        return at + count;
    }
}
