using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ExperimentKit.IO;
using ExperimentKit.Training;

namespace ExperimentKit.Sweeps;

/// <summary>
/// summary.md, summary.csv and summary.json, each written atomically (shards may write them at once: every writer
/// writes a whole file, the last rename wins). Nothing in them depends on when or where a trial ran, so the same
/// results give the same bytes.
/// </summary>
public static class SweepSummaryFiles
{
    /// <param name="plots">The PNG files beside the summary (see <see cref="SweepPlots"/>), shown in summary.md.</param>
    public static void Write(SweepSummary summary, SweepLayout layout, IReadOnlyList<string> plots)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(plots);
        AtomicFile.WriteAllText(layout.Summary("md"), Markdown(summary) + string.Concat(plots.Select(p => $"\n![{p}]({p})\n")));
        AtomicFile.WriteAllText(layout.Summary("csv"), Csv(summary));
        AtomicFile.WriteAllText(layout.Summary("json"), Json(summary).ToJsonString(LogHistoryJson.IndentedOptions) + "\n");
    }

    public static string Markdown(SweepSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plan = summary.Plan;
        var text = new StringBuilder();
        var finished = summary.Trials.Count(t => t.State == TrialState.Finished);
        text.AppendLine(Invariant($"# Sweep of {plan.ExperimentFile}"));
        text.AppendLine();
        text.AppendLine(Invariant($"{finished} of {plan.Trials.Count} trials finished. Mean ± sample standard deviation over the finished seeds; the best configuration by {plan.Metric} ({(plan.GreaterIsBetter ? "higher" : "lower")} is better) is marked ★."));
        if (plan.Overrides.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Every trial also ran with: " + string.Join(", ", plan.Overrides.Select(o => $"`--set {o}`")) + ".");
        }

        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", ["", .. plan.Parameters, "seeds", .. summary.MetricNames]) + " |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", plan.Parameters.Count + summary.MetricNames.Count + 2)));
        foreach (var row in summary.Configurations)
        {
            var values = plan.Parameters.Select(row.ValueOf);
            var metrics = summary.MetricNames.Select(m => row.Metrics.TryGetValue(m, out var stats) ? Format(stats) : "–");
            text.AppendLine("| " + string.Join(" | ", [row.Best ? "★" : "", .. values, Invariant($"{row.Finished}/{row.Seeds}"), .. metrics]) + " |");
        }

        var unfinished = summary.Trials.Where(t => t.State != TrialState.Finished).ToArray();
        if (unfinished.Length > 0)
        {
            text.AppendLine();
            text.AppendLine("## Not finished");
            text.AppendLine();
            foreach (var status in unfinished)
            {
                var error = status.Error is { } why ? ": " + why.ReplaceLineEndings(" ") : string.Empty;
                text.AppendLine(Invariant($"- `{status.Trial.Id}` {status.Trial.Point}: {Describe(status.State)}{error}"));
            }
        }

        return text.ToString();
    }

    public static string Csv(SweepSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plan = summary.Plan;
        var text = new StringBuilder();
        var header = plan.Parameters.Concat(["seeds", "finished"]).Concat(summary.MetricNames.SelectMany(m => new[] { m + "_mean", m + "_std" })).Append("best");
        text.Append(string.Join(',', header.Select(Field))).Append('\n');
        foreach (var row in summary.Configurations)
        {
            var fields = plan.Parameters.Select(row.ValueOf)
                .Concat([Invariant($"{row.Seeds}"), Invariant($"{row.Finished}")])
                .Concat(summary.MetricNames.SelectMany(m => row.Metrics.TryGetValue(m, out var s)
                    ? new[] { s.Mean.ToString("R", CultureInfo.InvariantCulture), s.Std?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty }
                    : ["", ""]))
                .Append(row.Best ? "true" : "false");
            text.Append(string.Join(',', fields.Select(Field))).Append('\n');
        }

        return text.ToString();
    }

    public static JsonObject Json(SweepSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var plan = summary.Plan;
        return new JsonObject
        {
            ["experiment"] = plan.ExperimentFile,
            ["metric"] = plan.Metric,
            ["greater_is_better"] = plan.GreaterIsBetter,
            ["configurations"] = new JsonArray([.. summary.Configurations.Select(row => (JsonNode)new JsonObject
            {
                ["settings"] = new JsonObject(row.Settings.Select(s => KeyValuePair.Create(s.Path, (JsonNode?)s.Value))),
                ["seeds"] = row.Seeds,
                ["finished"] = row.Finished,
                ["best"] = row.Best,
                ["metrics"] = new JsonObject(row.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonObject
                {
                    ["mean"] = m.Value.Mean,
                    ["std"] = m.Value.Std,
                    ["count"] = m.Value.Count,
                }))),
            })]),
            ["trials"] = new JsonArray([.. summary.Trials.Select(status => (JsonNode)new JsonObject
            {
                ["id"] = status.Trial.Id,
                ["point"] = status.Trial.Point.ToString(),
                ["state"] = status.State.ToString().ToLowerInvariant(),
                ["error"] = status.Error,
            })]),
        };
    }

    private static string Describe(TrialState state) => state switch
    {
        TrialState.Started => "started, not finished (running now, or stopped: the next invocation resumes it)",
        TrialState.Failed => "failed",
        _ => "not started",
    };

    private static string Format(MetricStats stats) =>
        stats.Std is { } std ? Invariant($"{stats.Mean:0.0000} ± {std:0.0000}") : Invariant($"{stats.Mean:0.0000}");

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
