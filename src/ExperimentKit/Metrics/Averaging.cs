namespace ExperimentKit.Metrics;

/// <summary>scikit-learn's <c>average</c> argument of precision / recall / f1.</summary>
public enum Averaging
{
    /// <summary>The score of <c>positiveLabel</c> alone; more than two labels present is an error.</summary>
    Binary,

    /// <summary>The unweighted mean of every label's score.</summary>
    Macro,

    /// <summary>One score from the counts summed over every label (equals accuracy for single-label multi-class).</summary>
    Micro,

    /// <summary>The mean of every label's score weighted by its support (its count in the references).</summary>
    Weighted,
}
