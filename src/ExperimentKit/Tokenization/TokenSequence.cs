namespace ExperimentKit.Tokenization;

/// <summary>Reusable growable token list for one input sequence, before special tokens are added.</summary>
internal sealed class TokenSequence
{
    private int[] _ids = new int[128];
    private int[] _starts = new int[128];
    private int[] _ends = new int[128];
    private int[] _wordIds = new int[128];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    public ReadOnlySpan<int> Starts => _starts.AsSpan(0, Count);

    public ReadOnlySpan<int> Ends => _ends.AsSpan(0, Count);

    public ReadOnlySpan<int> WordIds => _wordIds.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int id, int start, int end, int wordId)
    {
        if (Count == _ids.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _ids, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
            Array.Resize(ref _wordIds, size);
        }

        _ids[Count] = id;
        _starts[Count] = start;
        _ends[Count] = end;
        _wordIds[Count] = wordId;
        Count++;
    }

    /// <summary>Keeps the first <paramref name="count"/> tokens (truncation from the right, or undoing a failed word).</summary>
    public void Truncate(int count) => Count = Math.Min(Count, count);
}
