using ExperimentKit.Schema.Model;
using ExperimentKit.Metrics;
using FsCheck.Xunit;

namespace ExperimentKit.Tests.Metrics;

[Properties(Arbitrary = [typeof(MetricArbitraries)])]
public sealed class ClassificationScoresProperties
{
    private static readonly Averaging[] Averages = [Averaging.Macro, Averaging.Micro, Averaging.Weighted];

    [Property]
    public bool Every_score_ignores_the_order_of_the_pairs(LabelPairs pairs)
    {
        var permuted = pairs.Permuted();

        // The labels folded to 0 / 1 for the binary average, which refuses more than two.
        static int[] Binary(int[] labels) => [.. labels.Select(label => label % 2)];

        return Scores(pairs.Predictions, pairs.References).SequenceEqual(Scores(permuted.Predictions, permuted.References))
            && BinaryScores(Binary(pairs.Predictions), Binary(pairs.References)).SequenceEqual(BinaryScores(Binary(permuted.Predictions), Binary(permuted.References)));
    }

    [Property]
    public bool Perfect_predictions_score_one(LabelPairs pairs)
    {
        var references = pairs.References;
        var binary = references.Select(label => label % 2).ToArray();
        return references.Length == 0
            || (Scores(references, references).Where((_, i) => i != MatthewsIndex).All(score => score == 1)
                && (references.Distinct().Count() < 2 || ClassificationScores.MatthewsCorrelation(references, references) == 1)
                && (!binary.Contains(1) || BinaryScores(binary, binary).All(score => score == 1)));
    }

    [Property]
    public bool Constant_predictions_have_zero_matthews_correlation(LabelPairs pairs) =>
        ClassificationScores.MatthewsCorrelation([.. pairs.References.Select(_ => 1)], pairs.References) == 0;

    [Property]
    public bool Accuracy_is_a_share(LabelPairs pairs)
    {
        var accuracy = ClassificationScores.Accuracy(pairs.Predictions, pairs.References);
        return accuracy is >= 0 and <= 1;
    }

    [Property]
    public bool Micro_averages_are_accuracy_for_single_label_classes(LabelPairs pairs)
    {
        var accuracy = ClassificationScores.Accuracy(pairs.Predictions, pairs.References);
        return ClassificationScores.F1(pairs.Predictions, pairs.References, Averaging.Micro) == accuracy
            && ClassificationScores.Precision(pairs.Predictions, pairs.References, Averaging.Micro) == accuracy
            && ClassificationScores.Recall(pairs.Predictions, pairs.References, Averaging.Micro) == accuracy;
    }

    // Accuracy, then precision / recall / f1 for each multi-class average, then Matthews correlation last.
    private static int MatthewsIndex => 1 + (3 * Averages.Length);

    private static double[] Scores(int[] predictions, int[] references) =>
    [
        ClassificationScores.Accuracy(predictions, references),
        .. Averages.SelectMany(average => new[]
        {
            ClassificationScores.Precision(predictions, references, average),
            ClassificationScores.Recall(predictions, references, average),
            ClassificationScores.F1(predictions, references, average),
        }),
        ClassificationScores.MatthewsCorrelation(predictions, references),
    ];

    private static double[] BinaryScores(int[] predictions, int[] references) =>
    [
        ClassificationScores.Precision(predictions, references),
        ClassificationScores.Recall(predictions, references),
        ClassificationScores.F1(predictions, references),
    ];
}
