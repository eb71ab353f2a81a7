namespace ExperimentKit.Metrics;

/// <summary>
/// The regression scores of Hugging Face <c>evaluate</c>'s glue metric for STS-B: scipy's pearsonr and spearmanr
/// statistics, and scikit-learn's mean_squared_error. Where scipy returns nan or raises, these return
/// <see cref="double.NaN"/>: an evaluation should log an undefined score, not crash the run that produced it.
/// </summary>
public static class RegressionScores
{
    /// <summary>Pearson's r; NaN when either side is constant or has fewer than two values.</summary>
    public static double Pearson(IReadOnlyList<double> predictions, IReadOnlyList<double> references)
    {
        PairedInputs.RequireSameCount(predictions.Count, references.Count);
        return PearsonCorrelation.Of(predictions, references);
    }

    /// <summary>
    /// Spearman's rho: Pearson's r of the average ranks. NaN when either side is constant or has fewer than two
    /// values, and when any value is NaN (scipy's default nan_policy 'propagate').
    /// </summary>
    public static double SpearmanR(IReadOnlyList<double> predictions, IReadOnlyList<double> references)
    {
        PairedInputs.RequireSameCount(predictions.Count, references.Count);
        return predictions.Concat(references).Any(double.IsNaN)
            ? double.NaN
            : PearsonCorrelation.Of(AverageRanks.Of(predictions), AverageRanks.Of(references));
    }

    /// <summary>The mean of the squared differences; NaN for empty inputs (scikit-learn raises).</summary>
    public static double MeanSquaredError(IReadOnlyList<double> predictions, IReadOnlyList<double> references)
    {
        PairedInputs.RequireSameCount(predictions.Count, references.Count);
        return predictions.Count == 0 ? double.NaN : predictions.Zip(references, (p, r) => (r - p) * (r - p)).Average();
    }
}
