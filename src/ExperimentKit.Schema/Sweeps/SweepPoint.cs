using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Sweeps;

/// <summary>
/// One trial of a sweep before it runs: the swept settings of its configuration and its seed (null: the experiment's
/// own). Trials that differ only in the seed share a configuration, which the summary averages over.
/// </summary>
public sealed record SweepPoint(EquatableArray<SweptSetting> Configuration, SweptSetting? Seed)
{
    public const string SeedPath = "training.seed";

    /// <summary>The configuration's settings, then the seed, as `--set` overrides.</summary>
    public EquatableArray<SweptSetting> Settings => new(Seed is { } seed ? Configuration.Append(seed) : Configuration);

    public override string ToString() => string.Join(" ", Settings.Select(s => s.ToString()));
}
