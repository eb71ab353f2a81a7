namespace ExperimentKit.Pipelines;

/// <summary>The score functions of transformers' pipelines, in float32 as numpy computes them on float32 logits.</summary>
internal static class Probabilities
{
    /// <summary>exp(x - max) / sum, numpy's stable softmax.</summary>
    public static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var largest = float.NegativeInfinity;
        foreach (var logit in logits)
        {
            largest = Math.Max(largest, logit);
        }

        var result = new float[logits.Length];
        var sum = 0f;
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = MathF.Exp(logits[i] - largest);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    public static float[] Sigmoid(ReadOnlySpan<float> logits)
    {
        var result = new float[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = 1f / (1f + MathF.Exp(-logits[i]));
        }

        return result;
    }
}
