using ExperimentKit.Schema.Model;

namespace ExperimentKit.Training;

/// <summary>
/// The best evaluation by metric_for_best_model (Trainer._determine_best_metric), and the count of evaluations
/// without an improvement larger than early_stopping_threshold (EarlyStoppingCallback), which stops training
/// after early_stopping_patience of them.
/// </summary>
public sealed class BestModelTracker(string metric, bool greaterIsBetter, int? patience, double threshold)
{
    /// <summary>The metric as logged, `eval_loss`, `eval_accuracy`, ...</summary>
    public string MetricKey => "eval_" + metric;

    public double? BestMetric { get; private set; }

    public int? BestStep { get; private set; }

    public int EvaluationsWithoutImprovement { get; private set; }

    public bool ShouldStop => patience is { } limit && EvaluationsWithoutImprovement >= limit;

    /// <summary>Null when no metric picks a best model (no load_best_model_at_end, metric_for_best_model or early stopping).</summary>
    public static BestModelTracker? For(TrainingSpec args) =>
        ResolvedTraining.MetricForBestModel(args) is { } metric
            ? new BestModelTracker(metric, ResolvedTraining.GreaterIsBetter(args), args.EarlyStoppingPatience, args.EarlyStoppingThreshold)
            : null;

    /// <summary>Continues from a checkpoint's trainer_state.json.</summary>
    public void Restore(double? bestMetric, int? bestStep, int evaluationsWithoutImprovement)
    {
        BestMetric = bestMetric;
        BestStep = bestStep;
        EvaluationsWithoutImprovement = evaluationsWithoutImprovement;
    }

    /// <summary>Takes one evaluation into account; true when it is the new best.</summary>
    public bool Observe(EvaluationLogEntry evaluation)
    {
        var value = metric == ResolvedTraining.Loss ? evaluation.Loss : evaluation.Metric(metric);

        // The callback judges against the best before this evaluation, and only an improvement beyond the threshold counts.
        var improved = BestMetric is not { } best || (Better(value, best) && Math.Abs(value - best) > threshold);
        EvaluationsWithoutImprovement = improved ? 0 : EvaluationsWithoutImprovement + 1;

        if (BestMetric is { } previous && !Better(value, previous))
        {
            return false;
        }

        BestMetric = value;
        BestStep = evaluation.Step;
        return true;
    }

    private bool Better(double value, double than) => greaterIsBetter ? value > than : value < than;
}
