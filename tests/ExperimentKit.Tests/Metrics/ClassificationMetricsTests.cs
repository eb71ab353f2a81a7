using ExperimentKit.Metrics;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    // tp = 2, fp = 1, fn = 1, tn = 2: values checked with scikit-learn's definitions by hand.
    private static readonly int[] Predictions = [1, 1, 1, 0, 0, 0];
    private static readonly int[] Labels = [1, 1, 0, 1, 0, 0];

    [Theory]
    [InlineData(MetricKind.Accuracy, 4.0 / 6)]
    [InlineData(MetricKind.Precision, 2.0 / 3)]
    [InlineData(MetricKind.Recall, 2.0 / 3)]
    [InlineData(MetricKind.F1, 2.0 / 3)]
    [InlineData(MetricKind.MatthewsCorrelation, 1.0 / 3)]
    public void Binary_metrics_follow_scikit_learn(MetricKind metric, double expected) =>
        Assert.Equal(expected, ClassificationMetrics.Compute(metric, Predictions, Labels), precision: 12);

    [Fact]
    public void F1_without_any_positive_prediction_or_label_is_zero() =>
        Assert.Equal(0.0, ClassificationMetrics.Compute(MetricKind.F1, [0, 0], [0, 0]));

    [Fact]
    public void Regression_metrics_are_refused() =>
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(MetricKind.Pearson, [0], [0]));
}
