namespace ExperimentKit.Schema.Model;

/// <summary>Metric names as `evaluate` spells them: accuracy, f1, precision, recall, matthews_correlation, pearson, spearmanr, mse.</summary>
public enum MetricKind
{
    Accuracy,
    F1,
    Precision,
    Recall,
    MatthewsCorrelation,
    Pearson,
    Spearmanr,
    Mse,
}
