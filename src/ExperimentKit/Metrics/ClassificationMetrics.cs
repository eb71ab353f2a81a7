using ExperimentKit.Schema.Model;

namespace ExperimentKit.Metrics;

/// <summary>
/// The classification metrics of Hugging Face `evaluate` (scikit-learn definitions): accuracy, and for
/// binary tasks f1 / precision / recall of the positive class (label 1), plus Matthews correlation.
/// A zero denominator gives 0, as scikit-learn does with zero_division=0 (it also warns).
/// </summary>
public static class ClassificationMetrics
{
    public static double Compute(MetricKind metric, IReadOnlyList<int> predictions, IReadOnlyList<int> labels)
    {
        if (predictions.Count != labels.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions for {labels.Count} labels.");
        }

        var counts = BinaryCounts.Of(predictions, labels);
        return metric switch
        {
            MetricKind.Accuracy => labels.Count == 0 ? 0 : predictions.Zip(labels).Count(p => p.First == p.Second) / (double)labels.Count,
            MetricKind.Precision => Ratio(counts.TruePositive, counts.TruePositive + counts.FalsePositive),
            MetricKind.Recall => Ratio(counts.TruePositive, counts.TruePositive + counts.FalseNegative),
            MetricKind.F1 => Ratio(2 * counts.TruePositive, (2 * counts.TruePositive) + counts.FalsePositive + counts.FalseNegative),
            MetricKind.MatthewsCorrelation => counts.MatthewsCorrelation(),
            _ => throw new ArgumentException($"'{metric}' is not a classification metric."),
        };
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : numerator / (double)denominator;

    private readonly record struct BinaryCounts(long TruePositive, long FalsePositive, long TrueNegative, long FalseNegative)
    {
        public static BinaryCounts Of(IReadOnlyList<int> predictions, IReadOnlyList<int> labels)
        {
            long tp = 0, fp = 0, tn = 0, fn = 0;
            for (var i = 0; i < labels.Count; i++)
            {
                var predicted = predictions[i] == 1;
                var actual = labels[i] == 1;
                if (predicted && actual)
                {
                    tp++;
                }
                else if (predicted)
                {
                    fp++;
                }
                else if (actual)
                {
                    fn++;
                }
                else
                {
                    tn++;
                }
            }

            return new BinaryCounts(tp, fp, tn, fn);
        }

        public double MatthewsCorrelation()
        {
            var denominator = Math.Sqrt((double)(TruePositive + FalsePositive) * (TruePositive + FalseNegative) * (TrueNegative + FalsePositive) * (TrueNegative + FalseNegative));
            return denominator == 0 ? 0 : ((TruePositive * TrueNegative) - (FalsePositive * FalseNegative)) / denominator;
        }
    }
}
