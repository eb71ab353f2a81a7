using ExperimentKit.Schema.Model;
using ExperimentKit.Training;

namespace ExperimentKit.Tests.Training;

public sealed class BestModelTrackerTests
{
    private static EvaluationLogEntry Evaluation(int step, double loss, double accuracy) =>
        new(step, step / 10.0, loss, [new MetricValue("accuracy", accuracy)], 1, 1);

    [Fact]
    public void Without_load_best_metric_or_early_stopping_nothing_is_tracked() =>
        Assert.Null(BestModelTracker.For(new TrainingSpec()));

    [Fact]
    public void Load_best_model_at_end_watches_the_loss_and_lower_is_better()
    {
        var tracker = BestModelTracker.For(new TrainingSpec { LoadBestModelAtEnd = true })!;

        Assert.True(tracker.Observe(Evaluation(10, 0.5, 0.6)));
        Assert.False(tracker.Observe(Evaluation(20, 0.6, 0.9)));
        Assert.True(tracker.Observe(Evaluation(30, 0.4, 0.5)));

        Assert.Equal("eval_loss", tracker.MetricKey);
        Assert.Equal(0.4, tracker.BestMetric);
        Assert.Equal(30, tracker.BestStep);
    }

    [Fact]
    public void A_metric_is_better_when_greater_unless_greater_is_better_says_otherwise()
    {
        var greater = BestModelTracker.For(new TrainingSpec { MetricForBestModel = "accuracy" })!;
        var lower = BestModelTracker.For(new TrainingSpec { MetricForBestModel = "accuracy", GreaterIsBetter = false })!;

        greater.Observe(Evaluation(10, 0.5, 0.6));
        lower.Observe(Evaluation(10, 0.5, 0.6));

        Assert.True(greater.Observe(Evaluation(20, 0.5, 0.7)));
        Assert.False(lower.Observe(Evaluation(20, 0.5, 0.7)));
    }

    [Fact]
    public void An_improvement_within_the_threshold_is_a_new_best_but_still_counts_towards_patience()
    {
        var tracker = BestModelTracker.For(new TrainingSpec { MetricForBestModel = "accuracy", EarlyStoppingPatience = 2, EarlyStoppingThreshold = 0.05 })!;

        tracker.Observe(Evaluation(10, 0.5, 0.60));
        Assert.True(tracker.Observe(Evaluation(20, 0.5, 0.62)));
        Assert.False(tracker.ShouldStop);
        Assert.True(tracker.Observe(Evaluation(30, 0.5, 0.64)));

        Assert.True(tracker.ShouldStop);
        Assert.Equal(2, tracker.EvaluationsWithoutImprovement);
        Assert.Equal(0.64, tracker.BestMetric);
    }

    [Fact]
    public void An_improvement_beyond_the_threshold_resets_the_count()
    {
        var tracker = BestModelTracker.For(new TrainingSpec { MetricForBestModel = "accuracy", EarlyStoppingPatience = 2, EarlyStoppingThreshold = 0.05 })!;

        tracker.Observe(Evaluation(10, 0.5, 0.60));
        tracker.Observe(Evaluation(20, 0.5, 0.50));
        tracker.Observe(Evaluation(30, 0.5, 0.70));

        Assert.Equal(0, tracker.EvaluationsWithoutImprovement);
        Assert.False(tracker.ShouldStop);
    }
}
