using ExperimentKit.Schema.Model;
using ExperimentKit.Metrics;

namespace ExperimentKit.Tests.Metrics;

public sealed class ClassificationScoresTests
{
    // scikit-learn's precision/recall/f1_score docs: y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1].
    // Label 0: tp 2, predicted 3, actual 2 -> p 2/3, r 1, f1 2*2/(3+2) = 0.8. Labels 1 and 2: tp 0 -> all 0.
    // Macro: p 2/9, r 1/3, f1 0.8/3. Micro: every ratio is 2 correct / 6 = 1/3.
    // Weighted by support 2, 2, 2: p (2/3*2)/6 = 2/9, r (1*2)/6 = 1/3, f1 (0.8*2)/6 = 0.8/3.
    private static readonly int[] DocsReferences = [0, 1, 2, 0, 1, 2];
    private static readonly int[] DocsPredictions = [0, 2, 1, 0, 0, 1];

    [Theory]
    [InlineData(Averaging.Macro, 2.0 / 9, 1.0 / 3, 0.8 / 3)]
    [InlineData(Averaging.Micro, 1.0 / 3, 1.0 / 3, 1.0 / 3)]
    [InlineData(Averaging.Weighted, 2.0 / 9, 1.0 / 3, 0.8 / 3)]
    public void Multi_class_averages_match_the_scikit_learn_docs(Averaging average, double precision, double recall, double f1)
    {
        Assert.Equal(precision, ClassificationScores.Precision(DocsPredictions, DocsReferences, average), precision: 12);
        Assert.Equal(recall, ClassificationScores.Recall(DocsPredictions, DocsReferences, average), precision: 12);
        Assert.Equal(f1, ClassificationScores.F1(DocsPredictions, DocsReferences, average), precision: 12);
    }

    [Fact]
    public void The_docs_example_rounds_to_the_published_f1_values()
    {
        Assert.Equal(0.2667, ClassificationScores.F1(DocsPredictions, DocsReferences, Averaging.Macro), precision: 4);
        Assert.Equal(0.3333, ClassificationScores.F1(DocsPredictions, DocsReferences, Averaging.Micro), precision: 4);
        Assert.Equal(0.2667, ClassificationScores.F1(DocsPredictions, DocsReferences, Averaging.Weighted), precision: 4);
    }

    // predictions [1, 1, 1, 1, 0, 0], references [1, 1, 0, 0, 1, 0].
    // Label 1: tp 2 (positions 0, 1), predicted 4, actual 3 -> p 2/4, r 2/3, f1 2*2/(4+3) = 4/7.
    // Label 0: tp 1 (position 5), predicted 2, actual 3 -> p 1/2, r 1/3, f1 2*1/(2+3) = 2/5.
    [Theory]
    [InlineData(1, 0.5, 2.0 / 3, 4.0 / 7)]
    [InlineData(0, 0.5, 1.0 / 3, 2.0 / 5)]
    public void Binary_scores_count_only_the_positive_label(int positiveLabel, double precision, double recall, double f1)
    {
        int[] predictions = [1, 1, 1, 1, 0, 0];
        int[] references = [1, 1, 0, 0, 1, 0];
        Assert.Equal(precision, ClassificationScores.Precision(predictions, references, Averaging.Binary, positiveLabel), precision: 12);
        Assert.Equal(recall, ClassificationScores.Recall(predictions, references, Averaging.Binary, positiveLabel), precision: 12);
        Assert.Equal(f1, ClassificationScores.F1(predictions, references, Averaging.Binary, positiveLabel), precision: 12);
    }

    [Fact]
    public void Binary_is_the_default_average_with_label_1_positive() =>
        Assert.Equal(4.0 / 7, ClassificationScores.F1([1, 1, 1, 1, 0, 0], [1, 1, 0, 0, 1, 0]), precision: 12);

    [Fact]
    public void Undefined_ratios_score_zero()
    {
        // No positive prediction: precision 0/0. No positive reference: recall 0/0. Neither: f1 0/0.
        Assert.Equal(0.0, ClassificationScores.Precision([0, 0], [1, 0]));
        Assert.Equal(0.0, ClassificationScores.Recall([1, 0], [0, 0]));
        Assert.Equal(0.0, ClassificationScores.F1([0, 0], [0, 0]));
    }

    [Fact]
    public void Binary_average_refuses_multi_class_labels()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationScores.F1([0, 1, 2], [0, 1, 1]));
        Assert.Contains("0, 1, 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_average_refuses_a_positive_label_absent_beside_two_others() =>
        Assert.Throws<ArgumentException>(() => ClassificationScores.Precision([0, 2], [2, 0], Averaging.Binary, positiveLabel: 1));

    [Fact]
    public void Micro_f1_counts_labels_that_only_predictions_contain()
    {
        // predictions [0, 3], references [0, 1]: labels 0, 1, 3. Micro: 1 correct of 2 -> 0.5.
        // Macro recall: label 0 r 1, label 1 r 0, label 3 has no support -> 0; mean 1/3.
        Assert.Equal(0.5, ClassificationScores.F1([0, 3], [0, 1], Averaging.Micro), precision: 12);
        Assert.Equal(1.0 / 3, ClassificationScores.Recall([0, 3], [0, 1], Averaging.Macro), precision: 12);
    }

    [Fact]
    public void Accuracy_is_the_share_of_equal_pairs()
    {
        // Positions 0 and 3 agree: 2 of 4.
        Assert.Equal(0.5, ClassificationScores.Accuracy([0, 2, 1, 3], [0, 1, 2, 3]));
        Assert.Equal(0.0, ClassificationScores.Accuracy([], []));
    }

    [Fact]
    public void Matthews_correlation_matches_the_scikit_learn_docs()
    {
        // y_true [+1, +1, +1, -1], y_pred [+1, -1, +1, +1]: row sums t = (-1: 1, +1: 3), column sums p = (1, 3),
        // trace 2, n 4. cov(yt, yp) = 2*4 - (1*1 + 3*3) = -2; cov(yp, yp) = cov(yt, yt) = 16 - 10 = 6 -> -2/6.
        Assert.Equal(-1.0 / 3, ClassificationScores.MatthewsCorrelation([1, -1, 1, 1], [1, 1, 1, -1]), precision: 12);
    }

    [Fact]
    public void Binary_matthews_correlation_is_the_classic_formula()
    {
        // tp 2, fp 1, fn 1, tn 2: (2*2 - 1*1) / sqrt(3*3*3*3) = 1/3.
        // General form: t = p = (3, 3), trace 4, n 6: (4*6 - 18) / sqrt((36 - 18)(36 - 18)) = 6/18.
        Assert.Equal(1.0 / 3, ClassificationScores.MatthewsCorrelation([1, 1, 1, 0, 0, 0], [1, 1, 0, 1, 0, 0]), precision: 12);
    }

    [Fact]
    public void Multi_class_matthews_correlation_uses_the_confusion_matrix_sums()
    {
        // predictions [0, 0, 1, 1, 2, 2], references [0, 1, 1, 2, 2, 0]: t = p = (2, 2, 2), trace 3, n 6.
        // cov(yt, yp) = 3*6 - 12 = 6; cov(yp, yp) = cov(yt, yt) = 36 - 12 = 24 -> 6/24.
        Assert.Equal(0.25, ClassificationScores.MatthewsCorrelation([0, 0, 1, 1, 2, 2], [0, 1, 1, 2, 2, 0]), precision: 12);
    }

    [Fact]
    public void Matthews_correlation_is_zero_when_undefined()
    {
        // Constant predictions: cov(yp, yp) = n² - n² = 0. Empty: everything 0.
        Assert.Equal(0.0, ClassificationScores.MatthewsCorrelation([1, 1, 1], [0, 1, 0]));
        Assert.Equal(0.0, ClassificationScores.MatthewsCorrelation([], []));
    }

    [Fact]
    public void Different_counts_are_refused_with_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationScores.Accuracy([1, 0, 1], [1, 0]));
        Assert.Contains("3 predictions for 2 references", error.Message, StringComparison.Ordinal);
    }
}
