namespace ExperimentKit.Metrics;

/// <summary>
/// scikit-learn's and seqeval's default zero_division ("warn"): an undefined ratio such as precision with no
/// predictions scores 0 (they also print a warning, which a training log has no use for).
/// </summary>
internal static class ZeroDivision
{
    public static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : numerator / (double)denominator;
}
