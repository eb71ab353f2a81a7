using ExperimentKit.Training;

namespace ExperimentKit.Metrics;

/// <summary>np.argmax(predictions, axis=-1): the predicted class of each row of logits (the first on ties, as numpy).</summary>
public static class ArgMax
{
    /// <summary>One class per example for [N, num_labels] logits, or per position for [N, seq, num_labels].</summary>
    public static int[] OfRows(HostArray logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var classes = (int)logits.Shape[^1];
        var result = new int[classes == 0 ? 0 : logits.Data.Length / classes];
        for (var row = 0; row < result.Length; row++)
        {
            result[row] = Of(logits.Data.AsSpan(row * classes, classes));
        }

        return result;
    }

    /// <summary>The index of the largest value, the first of equal ones.</summary>
    public static int Of(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }
}
