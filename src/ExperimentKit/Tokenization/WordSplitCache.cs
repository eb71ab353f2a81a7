namespace ExperimentKit.Tokenization;

/// <summary>
/// One thread's memo of how WordPiece split recent words that are not whole vocabulary entries. Text repeats its
/// rare words, and splitting one afresh probes the vocabulary once per candidate length; a hit here probes once.
/// Direct-mapped: a colliding word simply replaces the older one.
/// </summary>
internal sealed class WordSplitCache
{
    // A power of two; a few hundred KB, small enough to stay in cache next to the vocabulary.
    private const int Size = 16384;

    private readonly Entry[] _entries = new Entry[Size];
    private WordPiece? _owner;

    /// <summary>A piece of a split word: its id and where it ends in the word.</summary>
    internal readonly record struct Piece(int Id, int End);

    /// <summary>Empties the cache when it is used for another WordPiece (another vocabulary) than before.</summary>
    public void Bind(WordPiece owner)
    {
        if (!ReferenceEquals(_owner, owner))
        {
            Array.Clear(_entries);
            _owner = owner;
        }
    }

    /// <param name="hash">Any hash of <paramref name="word"/>, the same for <see cref="Add"/>.</param>
    public Piece[]? Find(ReadOnlySpan<char> word, uint hash)
    {
        ref Entry entry = ref _entries[hash & (Size - 1)];
        return entry.Hash == hash && word.SequenceEqual(entry.Word) ? entry.Pieces : null;
    }

    public void Add(ReadOnlySpan<char> word, uint hash, ReadOnlySpan<Piece> pieces) =>
        _entries[hash & (Size - 1)] = new Entry(hash, word.ToString(), pieces.ToArray());

    private readonly record struct Entry(uint Hash, string? Word, Piece[]? Pieces);
}
