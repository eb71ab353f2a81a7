namespace ExperimentKit.Metrics;

/// <summary>The one input rule every metric shares: a prediction for each reference.</summary>
internal static class PairedInputs
{
    public static void RequireSameCount(int predictions, int references)
    {
        if (predictions != references)
        {
            throw new ArgumentException($"{predictions} predictions for {references} references: a metric needs one prediction per reference.");
        }
    }
}
