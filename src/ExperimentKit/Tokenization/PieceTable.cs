namespace ExperimentKit.Tokenization;

/// <summary>
/// Read-only open-addressing map from vocabulary pieces to ids, probed with a caller-computed hash.
/// WordPiece tries the candidates of one position from longest to shortest; with an incremental hash it
/// hashes each prefix once (<see cref="Extend"/>) instead of re-hashing every candidate from its start.
/// </summary>
internal sealed class PieceTable
{
    private const uint Seed = 2166136261;

    private readonly string[] _keys;
    private readonly uint[] _hashes;
    private readonly int[] _ids;
    private readonly int _mask;
    private readonly int _shift;

    public PieceTable(IReadOnlyList<(string Key, int Id)> pieces)
    {
        // At most half full, so a miss usually ends at the first or second empty slot.
        int size = (int)Math.Max(16u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)pieces.Count * 2));
        _keys = new string[size];
        _hashes = new uint[size];
        _ids = new int[size];
        _ids.AsSpan().Fill(-1);
        _mask = size - 1;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        foreach ((string key, int id) in pieces)
        {
            uint hash = Hash(key);
            int slot = Slot(hash);
            while (_ids[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _hashes[slot] = hash;
            _ids[slot] = id;
        }
    }

    /// <summary>The hash of the empty string, to <see cref="Extend"/> from.</summary>
    public static uint Empty => Seed;

    /// <summary>FNV-1a, one UTF-16 unit at a time: the hash of a string followed by <paramref name="c"/>.</summary>
    public static uint Extend(uint hash, char c) => (hash ^ c) * 16777619;

    public static uint Hash(ReadOnlySpan<char> key)
    {
        uint hash = Seed;
        foreach (char c in key)
        {
            hash = Extend(hash, c);
        }

        return hash;
    }

    /// <param name="hash"><see cref="Hash"/> of <paramref name="key"/>.</param>
    public bool TryGet(ReadOnlySpan<char> key, uint hash, out int id)
    {
        int slot = Slot(hash);
        while ((id = _ids[slot]) >= 0)
        {
            if (_hashes[slot] == hash && key.SequenceEqual(_keys[slot]))
            {
                return true;
            }

            slot = (slot + 1) & _mask;
        }

        return false;
    }

    /// <summary>Fibonacci hashing: FNV's low bits are weak, so the slot comes from the top bits of a multiply.</summary>
    private int Slot(uint hash) => (int)((hash * 2654435769u) >> _shift);
}
