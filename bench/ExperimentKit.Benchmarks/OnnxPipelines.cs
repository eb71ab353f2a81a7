namespace ExperimentKit.Benchmarks;

/// <summary>
/// What our pipelines do after the encoder, done by hand on ONNX Runtime's outputs: sentence-transformers' mean pooling
/// and L2 normalisation (feature-extraction), and the classification head on the pooler output with a softmax
/// (text-classification). Inputs are sorted by length and cut into batches as the pipelines cut them.
/// </summary>
internal sealed class OnnxPipelines(OnnxEncoder encoder, float[] classifierWeight, float[] classifierBias)
{
    public float[][] Embed(IReadOnlyList<(int[] Ids, int[] Types)> rows, int batchSize) =>
        InBatches(rows, batchSize, (batch, output) =>
        {
            var hidden = output.Hidden.Length / (batch.Count * output.Length);
            return [.. batch.Select((row, r) => Normalized(MeanOfRealTokens(output.Hidden, r, row.Ids.Length, output.Length, hidden)))];
        });

    public float[][] Classify(IReadOnlyList<(int[] Ids, int[] Types)> rows, int batchSize) =>
        InBatches(rows, batchSize, (batch, output) =>
        {
            var hidden = output.Pooled.Length / batch.Count;
            return [.. batch.Select((_, r) => Softmax(Head(output.Pooled.AsSpan(r * hidden, hidden))))];
        });

    private float[][] InBatches(IReadOnlyList<(int[] Ids, int[] Types)> rows, int batchSize, Func<IReadOnlyList<(int[] Ids, int[] Types)>, (float[] Hidden, float[] Pooled, int Length), float[][]> read)
    {
        var results = new float[rows.Count][];
        foreach (var batch in Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].Ids.Length).Chunk(batchSize))
        {
            var batchRows = batch.Select(i => rows[i]).ToArray();
            var vectors = read(batchRows, encoder.Run(batchRows));
            for (var b = 0; b < batch.Length; b++)
            {
                results[batch[b]] = vectors[b];
            }
        }

        return results;
    }

    private static float[] MeanOfRealTokens(float[] hidden, int row, int tokens, int length, int width)
    {
        var mean = new float[width];
        for (var t = 0; t < tokens; t++)
        {
            var at = ((row * length) + t) * width;
            for (var h = 0; h < width; h++)
            {
                mean[h] += hidden[at + h];
            }
        }

        for (var h = 0; h < width; h++)
        {
            mean[h] /= tokens;
        }

        return mean;
    }

    private static float[] Normalized(float[] vector)
    {
        var norm = MathF.Max(MathF.Sqrt(vector.Sum(v => v * v)), 1e-12f);
        return [.. vector.Select(v => v / norm)];
    }

    private float[] Head(ReadOnlySpan<float> pooled)
    {
        var labels = classifierBias.Length;
        var logits = new float[labels];
        for (var l = 0; l < labels; l++)
        {
            var sum = classifierBias[l];
            for (var h = 0; h < pooled.Length; h++)
            {
                sum += classifierWeight[(l * pooled.Length) + h] * pooled[h];
            }

            logits[l] = sum;
        }

        return logits;
    }

    private static float[] Softmax(float[] logits)
    {
        var largest = logits.Max();
        var exponentials = logits.Select(l => MathF.Exp(l - largest)).ToArray();
        var sum = exponentials.Sum();
        return [.. exponentials.Select(e => e / sum)];
    }
}
