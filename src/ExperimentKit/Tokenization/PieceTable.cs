using System.Numerics;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Read-only open-addressing map from vocabulary pieces to ids, probed with a caller-computed hash.
/// WordPiece tries the candidates of one position from longest to shortest; with an incremental hash it
/// hashes each prefix once (<see cref="Extend"/>) instead of re-hashing every candidate from its start.
/// Hash, id and key of a slot sit together, so a probe costs one cache line before the key comparison.
/// </summary>
internal sealed class PieceTable
{
    private const uint Seed = 2166136261;

    private readonly Slot[] _slots;
    private readonly int _shift;

    public PieceTable(IReadOnlyList<(string Key, int Id)> pieces)
    {
        // At most half full, so a miss usually ends at the first or second empty slot.
        int size = (int)Math.Max(16u, BitOperations.RoundUpToPowerOf2((uint)pieces.Count * 2));
        _slots = new Slot[size];
        _shift = 32 - BitOperations.Log2((uint)size);
        foreach ((string key, int id) in pieces)
        {
            uint hash = Hash(key);
            int slot = Home(hash);
            while (_slots[slot].Key is not null)
            {
                slot = (slot + 1) & (size - 1);
            }

            _slots[slot] = new Slot(hash, id, key);
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
        Slot[] slots = _slots;
        int slot = Home(hash);
        while (slots[slot].Key is { } candidate)
        {
            if (slots[slot].Hash == hash && key.SequenceEqual(candidate))
            {
                id = slots[slot].Id;
                return true;
            }

            slot = (slot + 1) & (slots.Length - 1);
        }

        id = -1;
        return false;
    }

    /// <summary>Fibonacci hashing: FNV's low bits are weak, so the slot comes from the top bits of a multiply.</summary>
    private int Home(uint hash) => (int)((hash * 2654435769u) >> _shift);

    /// <summary>An empty slot has no key.</summary>
    private readonly record struct Slot(uint Hash, int Id, string? Key);
}
