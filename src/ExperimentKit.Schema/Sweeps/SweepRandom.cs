namespace ExperimentKit.Schema.Sweeps;

/// <summary>
/// SplitMix64: a random sweep's draws from its own seed, the same on every machine and .NET version (System.Random's
/// sequence is not promised to stay the same across versions, and the compiler and the program may run different ones).
/// </summary>
internal sealed class SweepRandom(int seed)
{
    private ulong state = unchecked((ulong)seed);

    /// <summary>A double in [0, 1) from the top 53 bits of the next output.</summary>
    public double NextUnit() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
