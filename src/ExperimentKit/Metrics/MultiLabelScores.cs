using ExperimentKit.Schema.Model;
using ExperimentKit.Training;

namespace ExperimentKit.Metrics;

/// <summary>
/// scikit-learn's scores for multi-label indicator rows, a label predicted where its logit is above 0 (sigmoid above
/// 0.5): accuracy is subset accuracy (every label of a row right); f1 / precision / recall average the per-label binary
/// scores (macro), weight them by support (weighted), or pool every (example, label) decision (micro).
/// </summary>
public static class MultiLabelScores
{
    public static double Compute(MetricSpec metric, EvalPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(prediction);
        var labels = (int)prediction.LabelIds.Shape[^1];
        var predicted = prediction.Predictions.Data.Select(v => v > 0 ? 1 : 0).ToArray();
        var references = prediction.LabelIds.Data.Select(v => (int)v).ToArray();
        if (metric.Kind == MetricKind.Accuracy)
        {
            var rows = labels == 0 ? 0 : references.Length / labels;
            var exact = Enumerable.Range(0, rows).Count(r => predicted.AsSpan(r * labels, labels).SequenceEqual(references.AsSpan(r * labels, labels)));
            return rows == 0 ? 0 : exact / (double)rows;
        }

        if (metric.Average == Averaging.Micro)
        {
            return Binary(metric.Kind, predicted, references);
        }

        var perLabel = Enumerable.Range(0, labels).Select(label => Column(label, labels, predicted, references)).ToArray();
        var scores = perLabel.Select(column => Binary(metric.Kind, column.Predicted, column.References)).ToArray();
        if (metric.Average == Averaging.Weighted)
        {
            var support = perLabel.Select(column => column.References.Sum()).ToArray();
            var total = support.Sum();
            return total == 0 ? 0 : scores.Zip(support).Sum(pair => pair.First * pair.Second) / total;
        }

        return scores.Length == 0 ? 0 : scores.Average();
    }

    private static double Binary(MetricKind kind, IReadOnlyList<int> predicted, IReadOnlyList<int> references) => kind switch
    {
        MetricKind.Precision => ClassificationScores.Precision(predicted, references),
        MetricKind.Recall => ClassificationScores.Recall(predicted, references),
        _ => ClassificationScores.F1(predicted, references),
    };

    private static (int[] Predicted, int[] References) Column(int label, int labels, int[] predicted, int[] references)
    {
        var rows = references.Length / labels;
        return (
            Enumerable.Range(0, rows).Select(r => predicted[(r * labels) + label]).ToArray(),
            Enumerable.Range(0, rows).Select(r => references[(r * labels) + label]).ToArray());
    }
}
