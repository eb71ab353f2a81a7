using ExperimentKit.Schema;
using ExperimentKit.Schema.Sweeps;

namespace ExperimentKit.Sweeps;

/// <summary>
/// One trial of a sweep: its place in the list, its id (a hash of its resolved config, so the same point always lands
/// in the same folder), the swept point, and every override it runs with (the command line's, then the point's).
/// </summary>
public sealed record SweepTrial(int Index, string Id, SweepPoint Point, IReadOnlyList<SettingOverride> Overrides)
{
    /// <summary>The configuration the summary groups this trial under: its swept settings without the seed.</summary>
    public string Configuration => string.Join(" ", Point.Configuration.Select(s => s.ToString()));

    public string? Seed => Point.Seed?.Value;
}
