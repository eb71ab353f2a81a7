using ExperimentKit.Experiments;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Sweeps;
using ExperimentKit.Sweeps;

namespace ExperimentKit.Tests.Sweeps;

/// <summary>A sweep's summary from hand-made trial folders: statistics over seeds, the best marked, the unfinished listed.</summary>
public sealed class SweepSummaryTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private SweepLayout Layout => new(folder.Path);

    private static SweptSetting Setting(string path, string value) => new(path, default, value, default);

    private static SweepPlan Plan(bool greaterIsBetter = true)
    {
        var trials = new List<SweepTrial>();
        foreach (var lr in new[] { "1e-5", "5e-5" })
        {
            foreach (var seed in new[] { "1", "2", "3" })
            {
                var point = new SweepPoint(new EquatableArray<SweptSetting>([Setting("training.learning_rate", lr)]), Setting("training.seed", seed));
                trials.Add(new SweepTrial(trials.Count, $"t{lr}-{seed}", point, [.. point.Settings.Select(s => s.ToOverride())]));
            }
        }

        return new SweepPlan("experiments/x.yaml", [new SettingOverride("training.max_steps", "3")], ["training.learning_rate"], "eval_accuracy", greaterIsBetter, trials);
    }

    private void Finish(string id, double accuracy, double loss)
    {
        Directory.CreateDirectory(Layout.Trial(id));
        File.WriteAllText(Path.Combine(Layout.Trial(id), RunArtifacts.ResultsFile), $"{{\"eval_loss\": {loss}, \"eval_accuracy\": {accuracy}, \"epoch\": 1, \"step\": 3}}");
    }

    [Fact]
    public void Each_configuration_gets_the_mean_and_sample_std_of_its_finished_seeds_and_the_best_is_marked()
    {
        Finish("t1e-5-1", 0.70, 0.60);
        Finish("t1e-5-2", 0.72, 0.58);
        Finish("t1e-5-3", 0.74, 0.56);
        Finish("t5e-5-1", 0.80, 0.50);
        TrialFailure.Write(Layout.Failure("t5e-5-2"), 1, "error: training diverged", "log");
        Directory.CreateDirectory(Layout.Trial("t5e-5-3") + ".incomplete");

        var summary = SweepSummary.Collect(Plan(), Layout);

        Assert.Equal(["eval_accuracy", "eval_loss"], summary.MetricNames);
        var (slow, fast) = (summary.Configurations[0], summary.Configurations[1]);
        Assert.Equal(0.72, slow.Metrics["eval_accuracy"].Mean, 12);
        Assert.Equal(0.02, slow.Metrics["eval_accuracy"].Std!.Value, 12);
        Assert.Equal((3, 3), (slow.Finished, slow.Seeds));
        Assert.Null(fast.Metrics["eval_accuracy"].Std);
        Assert.Equal((1, 3), (fast.Finished, fast.Seeds));
        Assert.True(fast.Best);
        Assert.False(slow.Best);
        Assert.Equal(
            [TrialState.Finished, TrialState.Finished, TrialState.Finished, TrialState.Finished, TrialState.Failed, TrialState.Started],
            summary.Trials.Select(t => t.State));
        Assert.Equal("error: training diverged", summary.Trials[4].Error);
    }

    [Fact]
    public void A_metric_where_lower_is_better_marks_the_lowest_mean()
    {
        Finish("t1e-5-1", 0.70, 0.60);
        Finish("t5e-5-1", 0.80, 0.50);

        var summary = SweepSummary.Collect(Plan(greaterIsBetter: false), Layout);

        Assert.True(summary.Configurations[0].Best);
    }

    [Fact]
    public void The_summary_files_show_every_configuration_and_what_has_not_finished()
    {
        Finish("t1e-5-1", 0.70, 0.60);
        Finish("t1e-5-2", 0.72, 0.58);
        TrialFailure.Write(Layout.Failure("t5e-5-1"), 2, "error: data.tsv:3: bad row", "log");

        var summary = SweepSummary.Collect(Plan(), Layout);
        var markdown = SweepSummaryFiles.Markdown(summary);
        var csv = SweepSummaryFiles.Csv(summary).Split('\n');

        Assert.Contains("| ★ | 1e-5 | 2/3 | 0.7100 ± 0.0141 | 0.5900 ± 0.0141 |", markdown, StringComparison.Ordinal);
        Assert.Contains("|  | 5e-5 | 0/3 | – | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("- `t5e-5-1` training.learning_rate=5e-5 training.seed=1: failed: error: data.tsv:3: bad row", markdown, StringComparison.Ordinal);
        Assert.Contains("- `t5e-5-3` training.learning_rate=5e-5 training.seed=3: not started", markdown, StringComparison.Ordinal);
        Assert.Contains("`--set training.max_steps=3`", markdown, StringComparison.Ordinal);
        Assert.Equal("training.learning_rate,seeds,finished,eval_accuracy_mean,eval_accuracy_std,eval_loss_mean,eval_loss_std,best", csv[0]);
        Assert.StartsWith("1e-5,3,2,0.71,0.0141421356237309", csv[1], StringComparison.Ordinal);
        Assert.Equal("5e-5,3,0,,,,,false", csv[2]);
    }

    [Fact]
    public void The_plan_reads_back_as_written()
    {
        var plan = Plan();
        plan.Save(Layout.PlanFile);

        var read = SweepPlan.Load(Layout.PlanFile);

        Assert.Equal(plan.Trials.Select(t => (t.Index, t.Id, t.Point.ToString(), t.Configuration, string.Join(' ', t.Overrides))), read.Trials.Select(t => (t.Index, t.Id, t.Point.ToString(), t.Configuration, string.Join(' ', t.Overrides))));
        Assert.Equal((plan.ExperimentFile, plan.Metric, plan.GreaterIsBetter), (read.ExperimentFile, read.Metric, read.GreaterIsBetter));
        Assert.Equal(plan.Parameters, read.Parameters);
        Assert.Equal(plan.Overrides, read.Overrides);
    }

    [Fact]
    public void A_trials_lock_is_held_by_one_opener_at_a_time_and_free_again_once_released()
    {
        using (var first = TrialLock.TryTake(Layout.Lock("t")))
        {
            Assert.NotNull(first);
            Assert.Null(TrialLock.TryTake(Layout.Lock("t")));
        }

        using var again = TrialLock.TryTake(Layout.Lock("t"));
        Assert.NotNull(again);
    }
}
