using ExperimentKit.Schema.Model;
namespace ExperimentKit.Metrics;

/// <summary>
/// scikit-learn's classification scores, which Hugging Face <c>evaluate</c>'s accuracy / precision / recall / f1 /
/// matthews_correlation call. Labels are compared as integers; an undefined ratio scores 0 (zero_division "warn");
/// empty inputs score 0.
/// </summary>
public static class ClassificationScores
{
    public static double Accuracy(IReadOnlyList<int> predictions, IReadOnlyList<int> references)
    {
        var tally = LabelTally.Of(predictions, references);
        return ZeroDivision.Ratio(tally.Correct, tally.Total);
    }

    public static double Precision(IReadOnlyList<int> predictions, IReadOnlyList<int> references, Averaging average = Averaging.Binary, int positiveLabel = 1) =>
        LabelAveraging.Average(LabelTally.Of(predictions, references), average, positiveLabel, static (truePositives, predicted, _) => ZeroDivision.Ratio(truePositives, predicted));

    public static double Recall(IReadOnlyList<int> predictions, IReadOnlyList<int> references, Averaging average = Averaging.Binary, int positiveLabel = 1) =>
        LabelAveraging.Average(LabelTally.Of(predictions, references), average, positiveLabel, static (truePositives, _, actual) => ZeroDivision.Ratio(truePositives, actual));

    // 2tp / (2tp + fp + fn), scikit-learn's form since 1.3: it needs no precision and recall, so it is 0, not NaN,
    // when both are undefined.
    public static double F1(IReadOnlyList<int> predictions, IReadOnlyList<int> references, Averaging average = Averaging.Binary, int positiveLabel = 1) =>
        LabelAveraging.Average(LabelTally.Of(predictions, references), average, positiveLabel, static (truePositives, predicted, actual) => ZeroDivision.Ratio(2 * truePositives, predicted + actual));

    /// <summary>
    /// scikit-learn's matthews_corrcoef for any number of classes (Gorodkin's R_K), from the confusion matrix's row sums
    /// t, column sums p, trace and total n: (trace·n − t·p) / √((n² − t·t)(n² − p·p)); 0 when either factor is 0,
    /// e.g. when every prediction is the same class. With two classes it is the classic (tp·tn − fp·fn) / √(...).
    /// </summary>
    public static double MatthewsCorrelation(IReadOnlyList<int> predictions, IReadOnlyList<int> references)
    {
        var tally = LabelTally.Of(predictions, references);

        // Doubles, as scikit-learn uses float64: the squared totals overflow long for large evaluation sets.
        double samples = tally.Total;
        var truePredicted = tally.Actual.Zip(tally.Predicted, (actual, predicted) => (double)actual * predicted).Sum();
        var covariance = (tally.Correct * samples) - truePredicted;
        var predictedVariance = (samples * samples) - tally.Predicted.Sum(count => (double)count * count);
        var trueVariance = (samples * samples) - tally.Actual.Sum(count => (double)count * count);
        return predictedVariance * trueVariance == 0 ? 0 : covariance / Math.Sqrt(trueVariance * predictedVariance);
    }
}
