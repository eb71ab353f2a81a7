using System.Globalization;
using Spectre.Console;

namespace ExperimentKit.Sweeps;

/// <summary>One line per trial event, so concurrent trials never interleave half lines (each trial's own output is in its log).</summary>
public sealed class ConsoleSweepReporter(IAnsiConsole console, SweepPlan plan) : ISweepReporter
{
    private readonly object gate = new();

    public void Starting(SweepRunOptions options, int trialsOfThisShard, int threadsPerTrial)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shard = options.Shard.Count > 1 ? $" (shard {options.Shard}: {trialsOfThisShard} of them)" : string.Empty;
        Line($"Sweep of {plan.Trials.Count} trials{shard}, {options.Parallel} at a time with {threadsPerTrial} thread(s) each; ranked by {plan.Metric}.");
    }

    public void Skipped(SweepTrial trial, TrialOutcome why) =>
        Line($"{Name(trial)}: {(why == TrialOutcome.RunningElsewhere ? "running in another process; skipped" : "finished before; skipped")}");

    public void Started(SweepTrial trial, bool resumed, string log) =>
        Line($"{Name(trial)}: {(resumed ? "resuming from its last checkpoint" : "started")} (log {log})");

    public void Finished(SweepTrial trial, TimeSpan took, IReadOnlyDictionary<string, double> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var score = results.TryGetValue(plan.Metric, out var value) ? string.Create(CultureInfo.InvariantCulture, $": {plan.Metric} {value:0.0000}") : string.Empty;
        Line($"{Name(trial)}: finished in {took:h\\:mm\\:ss}{score}");
    }

    public void Failed(SweepTrial trial, int exitCode, string error) =>
        Line($"{Name(trial)}: failed (exit code {exitCode}): {error.ReplaceLineEndings(" | ")}");

    public void Interrupted(SweepTrial trial) => Line($"{Name(trial)}: stopped; the next invocation resumes it");

    private string Name(SweepTrial trial) =>
        string.Create(CultureInfo.InvariantCulture, $"[{trial.Index + 1}/{plan.Trials.Count}] {trial.Id} {trial.Point}");

    private void Line(string text)
    {
        lock (gate)
        {
            console.Profile.Out.Writer.WriteLine(text);
            console.Profile.Out.Writer.Flush();
        }
    }
}
