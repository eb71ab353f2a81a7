using System.Globalization;

namespace ExperimentKit.Sweeps;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a sweep's trials: trial k belongs to shard k mod Count, so every
/// shard computes its own share from the same list, and the seeds of one configuration spread over the shards.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard Whole { get; } = new(0, 1);

    public IEnumerable<SweepTrial> Select(IEnumerable<SweepTrial> trials)
    {
        var (index, count) = (Index, Count);
        return trials.Where(t => t.Index % count == index);
    }

    /// <summary>`i/n` with 0 ≤ i &lt; n (i is 0-based, as Slurm array ids from 0 and Kubernetes completion indexes are).</summary>
    public static bool TryParse(string text, out Shard shard)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            shard = new Shard(index, count);
            return true;
        }

        shard = Whole;
        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
