using ExperimentKit.Metrics;

namespace ExperimentKit.Tests.Metrics;

public sealed class RegressionScoresTests
{
    [Fact]
    public void Pearson_matches_the_scipy_docs()
    {
        // pearsonr([1, 2, 3, 4, 5], [10, 9, 2.5, 6, 4]) = -0.7426106572325057. Centred: x (-2, -1, 0, 1, 2),
        // y - 6.3 = (3.7, 2.7, -3.8, -0.3, -2.3); sum xy = -15, sum x² = 10, sum y² = 40.8 -> -15 / sqrt(408).
        var r = RegressionScores.Pearson([1, 2, 3, 4, 5], [10, 9, 2.5, 6, 4]);
        Assert.Equal(-15 / Math.Sqrt(408), r, precision: 12);
        Assert.Equal(-0.7426106572325057, r, precision: 12);
    }

    [Fact]
    public void Pearson_of_a_constant_side_is_nan()
    {
        Assert.True(double.IsNaN(RegressionScores.Pearson([1, 2, 3], [4, 4, 4])));
        Assert.True(double.IsNaN(RegressionScores.Pearson([7], [1])));
        Assert.True(double.IsNaN(RegressionScores.Pearson([], [])));
    }

    [Theory]
    // scipy.stats.rankdata([0, 2, 3, 2]) = [1, 2.5, 4, 2.5]: the two 2s share ranks 2 and 3.
    [InlineData(new[] { 0.0, 2, 3, 2 }, new[] { 1, 2.5, 4, 2.5 })]
    // The three 3s share ranks 3, 4, 5 -> 4.
    [InlineData(new[] { 3.0, 1, 3, 3, 2 }, new[] { 4, 1, 4, 4, 2.0 })]
    [InlineData(new[] { 5.0, 5, 5 }, new[] { 2.0, 2, 2 })]
    public void Ranks_average_ties_like_scipy_rankdata(double[] values, double[] ranks) =>
        Assert.Equal(ranks, AverageRanks.Of(values));

    [Fact]
    public void Spearman_matches_the_scipy_docs()
    {
        // spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233. Ranks of y: (1, 2, 3.5, 5, 3.5);
        // centred x (-2, -1, 0, 1, 2), y (-2, -1, 0.5, 2, 0.5): sum xy = 8, sum x² = 10, sum y² = 9.5 -> 8 / sqrt(95).
        var rho = RegressionScores.SpearmanR([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
        Assert.Equal(8 / Math.Sqrt(95), rho, precision: 12);
        Assert.Equal(0.8207826816681233, rho, precision: 12);
    }

    [Fact]
    public void Spearman_with_ties_on_both_sides()
    {
        // Ranks (1, 2.5, 2.5, 4) and (1, 2, 3, 4): centred (-1.5, 0, 0, 1.5) and (-1.5, -0.5, 0.5, 1.5);
        // sum xy = 4.5, sum x² = 4.5, sum y² = 5 -> 4.5 / sqrt(22.5) = sqrt(0.9).
        Assert.Equal(Math.Sqrt(0.9), RegressionScores.SpearmanR([1, 2, 2, 3], [10, 20, 30, 40]), precision: 12);
    }

    [Fact]
    public void Spearman_of_undefined_inputs_is_nan()
    {
        Assert.True(double.IsNaN(RegressionScores.SpearmanR([1, 2, 3], [2, 2, 2])));
        Assert.True(double.IsNaN(RegressionScores.SpearmanR([1, double.NaN, 3], [1, 2, 3])));
    }

    [Fact]
    public void Mean_squared_error_matches_the_scikit_learn_docs()
    {
        // y_true [3, -0.5, 2, 7], y_pred [2.5, 0, 2, 8]: (0.25 + 0.25 + 0 + 1) / 4 = 0.375.
        Assert.Equal(0.375, RegressionScores.MeanSquaredError([2.5, 0, 2, 8], [3, -0.5, 2, 7]), precision: 12);
        Assert.True(double.IsNaN(RegressionScores.MeanSquaredError([], [])));
    }

    [Fact]
    public void Different_counts_are_refused_with_both_counts()
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionScores.SpearmanR([1, 2], [1, 2, 3]));
        Assert.Contains("2 predictions for 3 references", error.Message, StringComparison.Ordinal);
    }
}
