using ExperimentKit.Metrics;
using FsCheck.Xunit;

namespace ExperimentKit.Tests.Metrics;

[Properties(Arbitrary = [typeof(MetricArbitraries)])]
public sealed class RegressionScoresProperties
{
    [Property]
    public bool Every_score_ignores_the_order_of_the_pairs(ValuePairs pairs)
    {
        var permuted = pairs.Permuted();
        return Close(RegressionScores.Pearson(pairs.Predictions, pairs.References), RegressionScores.Pearson(permuted.Predictions, permuted.References))
            && Close(RegressionScores.SpearmanR(pairs.Predictions, pairs.References), RegressionScores.SpearmanR(permuted.Predictions, permuted.References))
            && Close(RegressionScores.MeanSquaredError(pairs.Predictions, pairs.References), RegressionScores.MeanSquaredError(permuted.Predictions, permuted.References));
    }

    [Property]
    public bool Perfect_predictions_correlate_fully(ValuePairs pairs)
    {
        var values = pairs.References;
        var constant = values.Distinct().Count() < 2;
        return (constant || (Close(RegressionScores.Pearson(values, values), 1) && Close(RegressionScores.SpearmanR(values, values), 1)))
            && (values.Length == 0 || RegressionScores.MeanSquaredError(values, values) == 0);
    }

    [Property]
    public bool Correlations_are_symmetric(ValuePairs pairs) =>
        Close(RegressionScores.Pearson(pairs.Predictions, pairs.References), RegressionScores.Pearson(pairs.References, pairs.Predictions))
        && Close(RegressionScores.SpearmanR(pairs.Predictions, pairs.References), RegressionScores.SpearmanR(pairs.References, pairs.Predictions));

    [Property]
    public bool Correlations_ignore_a_positive_affine_map_of_one_side(ValuePairs pairs)
    {
        double[] mapped = [.. pairs.Predictions.Select(value => (pairs.Scale * value) + pairs.Shift)];
        return Close(RegressionScores.Pearson(pairs.Predictions, pairs.References), RegressionScores.Pearson(mapped, pairs.References))
            && Close(RegressionScores.SpearmanR(pairs.Predictions, pairs.References), RegressionScores.SpearmanR(mapped, pairs.References));
    }

    // Equal up to summation-order rounding; NaN (an undefined correlation) equals only NaN.
    private static bool Close(double a, double b) => double.IsNaN(a) ? double.IsNaN(b) : Math.Abs(a - b) <= 1e-9;
}
