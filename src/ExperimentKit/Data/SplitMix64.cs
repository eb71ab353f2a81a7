namespace ExperimentKit.Data;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014; Java's SplittableRandom, and what seeds xoshiro): a 64-bit counter stepped
/// by the golden ratio and passed through a strong mixing function. A collator makes one per batch from the run's seed
/// and the batch's <see cref="BatchPosition"/>, so its draws depend on nothing but where the batch sits: no state is
/// shared between batches or threads, a resumed run draws what the first run drew, and each epoch draws anew.
/// </summary>
internal sealed class SplitMix64(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong _state = state;

    /// <summary>The generator of the batch at <paramref name="position"/> of a run seeded with <paramref name="seed"/>.</summary>
    public static SplitMix64 For(int seed, BatchPosition position)
    {
        // Pass and index packed in one word differ for any two positions; mixing that with the mixed seed, and mixing
        // again, puts the streams of neighbouring positions (index 3 and 4) at unrelated points of the sequence.
        var place = ((ulong)(uint)position.Pass << 32) | (uint)position.Index;
        return new SplitMix64(Mix(Mix((uint)seed + Gamma) ^ place));
    }

    public ulong Next()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/> (torch.bernoulli of one element).</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Uniform in [0, <paramref name="bound"/>), unbiased (Lemire's multiply and reject).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        // 2^64 mod bound: products whose low word falls below it would make the low results a little likelier.
        var threshold = (0 - range) % range;
        while (true)
        {
            var high = Math.BigMul(Next(), range, out var low);
            if (low >= threshold)
            {
                return (int)high;
            }
        }
    }

    /// <summary>Fisher–Yates, as Python's random.shuffle walks it (from the end).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
