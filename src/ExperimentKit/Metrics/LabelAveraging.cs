using ExperimentKit.Schema.Model;
namespace ExperimentKit.Metrics;

/// <summary>
/// Turns a per-label score of (true positives, predicted, actual) into one number the way scikit-learn's
/// precision_recall_fscore_support does for each <see cref="Averaging"/>.
/// </summary>
internal static class LabelAveraging
{
    public static double Average(LabelTally tally, Averaging average, int positiveLabel, Func<long, long, long, double> score) => average switch
    {
        Averaging.Binary => Binary(tally, positiveLabel, score),
        Averaging.Micro => score(tally.Correct, tally.Predicted.Sum(), tally.Actual.Sum()),
        Averaging.Macro => tally.Labels.Count == 0 ? 0 : PerLabel(tally, score).Average(),
        Averaging.Weighted => Weighted(tally, score),
        _ => throw new ArgumentOutOfRangeException(nameof(average), average, null),
    };

    private static IEnumerable<double> PerLabel(LabelTally tally, Func<long, long, long, double> score) =>
        tally.Labels.Select((_, i) => score(tally.TruePositives[i], tally.Predicted[i], tally.Actual[i]));

    private static double Weighted(LabelTally tally, Func<long, long, long, double> score)
    {
        // Only empty inputs have no support at all; scikit-learn then returns zero_division too.
        var support = tally.Actual.Sum();
        return support == 0 ? 0 : PerLabel(tally, score).Zip(tally.Actual, (value, weight) => value * weight).Sum() / support;
    }

    // scikit-learn refuses average='binary' on multi-class targets, and a positive label that is absent while two
    // others are present: both mean the task was configured with the wrong average, which a silent one-vs-rest
    // score would hide.
    private static double Binary(LabelTally tally, int positiveLabel, Func<long, long, long, double> score)
    {
        string Present() => string.Join(", ", tally.Labels);
        if (tally.Labels.Count > 2)
        {
            throw new ArgumentException($"The labels are multi-class ({Present()}) but the average is Binary; choose Macro, Micro or Weighted.");
        }

        var index = Enumerable.Range(0, tally.Labels.Count).FirstOrDefault(i => tally.Labels[i] == positiveLabel, -1);
        if (index < 0 && tally.Labels.Count == 2)
        {
            throw new ArgumentException($"The positive label {positiveLabel} is not one of the labels present ({Present()}).");
        }

        // A positive label that never occurs has no true positives, predictions or support: every ratio is 0.
        return index < 0 ? score(0, 0, 0) : score(tally.TruePositives[index], tally.Predicted[index], tally.Actual[index]);
    }
}
