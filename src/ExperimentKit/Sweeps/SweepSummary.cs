using ExperimentKit.Schema.Sweeps;

namespace ExperimentKit.Sweeps;

/// <summary>A metric over the finished seeds of one configuration: mean, sample standard deviation (n − 1; none for one seed) and count.</summary>
public readonly record struct MetricStats(double Mean, double? Std, int Count)
{
    public static MetricStats Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Sum() / values.Count;
        double? std = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MetricStats(mean, std, values.Count);
    }
}

/// <summary>One configuration of a sweep (its swept settings without the seed) over its seeds.</summary>
public sealed record ConfigurationSummary(
    IReadOnlyList<SweptSetting> Settings,
    int Seeds,
    int Finished,
    IReadOnlyDictionary<string, MetricStats> Metrics,
    bool Best)
{
    /// <summary>The value this configuration gives a swept setting, as written; empty when it does not sweep it.</summary>
    public string ValueOf(string path) => Settings.FirstOrDefault(s => s.Path == path).Value ?? string.Empty;
}

/// <summary>
/// A sweep's results from whatever has finished: one row per configuration in the plan's order, the best by the
/// plan's metric marked, and every trial's state (what is still pending, started or failed).
/// </summary>
public sealed record SweepSummary(SweepPlan Plan, IReadOnlyList<string> MetricNames, IReadOnlyList<ConfigurationSummary> Configurations, IReadOnlyList<TrialStatus> Trials)
{
    /// <summary>results.json keys that are positions, not metrics.</summary>
    private static readonly string[] NotMetrics = ["epoch", "step"];

    public static SweepSummary Collect(SweepPlan plan, SweepLayout layout)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(layout);
        var statuses = plan.Trials.Select(t => TrialStatus.Read(t, layout)).ToArray();
        var results = statuses.Where(s => s.State == TrialState.Finished).ToDictionary(s => s.Trial, s => TrialResults.Read(layout.Trial(s.Trial.Id)));
        var names = MetricOrder(plan.Metric, results.Values);

        var groups = plan.Trials.GroupBy(t => t.Configuration).ToArray();
        var rows = groups.Select(group =>
        {
            var finished = group.Where(results.ContainsKey).Select(t => results[t]).ToArray();
            var metrics = names
                .Select(name => (name, values: finished.Where(r => r.ContainsKey(name)).Select(r => r[name]).ToArray()))
                .Where(m => m.values.Length > 0)
                .ToDictionary(m => m.name, m => MetricStats.Of(m.values), StringComparer.Ordinal);
            return new ConfigurationSummary([.. group.First().Point.Configuration], group.Count(), finished.Length, metrics, Best: false);
        }).ToList();

        var ranked = rows.Where(r => r.Metrics.ContainsKey(plan.Metric)).ToArray();
        if (ranked.Length > 0)
        {
            var best = plan.GreaterIsBetter ? ranked.MaxBy(r => r.Metrics[plan.Metric].Mean)! : ranked.MinBy(r => r.Metrics[plan.Metric].Mean)!;
            rows[rows.IndexOf(best)] = best with { Best = true };
        }

        return new SweepSummary(plan, names, rows, statuses);
    }

    /// <summary>The ranking metric first, then the others in the order the first finished trial lists them.</summary>
    private static string[] MetricOrder(string metric, IEnumerable<IReadOnlyDictionary<string, double>> results)
    {
        var names = results.SelectMany(r => r.Keys).Where(k => !NotMetrics.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        return names.Remove(metric) ? [metric, .. names] : [.. names];
    }
}
