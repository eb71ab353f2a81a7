namespace ExperimentKit.Metrics;

/// <summary>
/// Per-label counts over the sorted union of the labels in the references and the predictions, as scikit-learn's
/// multilabel_confusion_matrix keeps them: true positives (the diagonal), predicted counts (column sums) and
/// actual counts, the support (row sums).
/// </summary>
internal sealed record LabelTally(IReadOnlyList<int> Labels, IReadOnlyList<long> TruePositives, IReadOnlyList<long> Predicted, IReadOnlyList<long> Actual)
{
    public static LabelTally Of(IReadOnlyList<int> predictions, IReadOnlyList<int> references)
    {
        PairedInputs.RequireSameCount(predictions.Count, references.Count);
        var labels = predictions.Concat(references).Distinct().Order().ToArray();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        var truePositives = new long[labels.Length];
        var predicted = new long[labels.Length];
        var actual = new long[labels.Length];
        for (var i = 0; i < references.Count; i++)
        {
            predicted[index[predictions[i]]]++;
            actual[index[references[i]]]++;
            if (predictions[i] == references[i])
            {
                truePositives[index[references[i]]]++;
            }
        }

        return new LabelTally(labels, truePositives, predicted, actual);
    }

    public long Total => Actual.Sum();

    public long Correct => TruePositives.Sum();
}
