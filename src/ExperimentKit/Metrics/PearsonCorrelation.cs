namespace ExperimentKit.Metrics;

/// <summary>
/// scipy.stats.pearsonr's statistic: the dot product of the two centred vectors, each divided by its norm, clipped
/// to [-1, 1] against rounding.
/// </summary>
internal static class PearsonCorrelation
{
    /// <remarks>
    /// NaN when either side is constant: the correlation is undefined there, and scipy returns nan (with a
    /// ConstantInputWarning). Fewer than two points count as constant; scipy raises for them instead.
    /// </remarks>
    public static double Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (IsConstant(x) || IsConstant(y))
        {
            return double.NaN;
        }

        var xs = UnitCentred(x);
        var ys = UnitCentred(y);
        return Math.Clamp(xs.Zip(ys, (a, b) => a * b).Sum(), -1, 1);
    }

    private static bool IsConstant(IReadOnlyList<double> values) => values.All(value => value == values[0]);

    private static double[] UnitCentred(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var centred = values.Select(value => value - mean).ToArray();
        var norm = Math.Sqrt(centred.Sum(value => value * value));
        return [.. centred.Select(value => value / norm)];
    }
}
