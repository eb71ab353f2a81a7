using ExperimentKit.Schema.Model;

namespace ExperimentKit.Metrics;

/// <summary>The names `evaluate` and the Trainer log metrics under (`eval_accuracy`, `eval_f1`, ...).</summary>
public static class MetricNames
{
    public static string Of(MetricKind metric) => metric switch
    {
        MetricKind.Accuracy => "accuracy",
        MetricKind.F1 => "f1",
        MetricKind.Precision => "precision",
        MetricKind.Recall => "recall",
        MetricKind.MatthewsCorrelation => "matthews_correlation",
        MetricKind.Pearson => "pearson",
        MetricKind.Spearmanr => "spearmanr",
        MetricKind.Mse => "mse",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
