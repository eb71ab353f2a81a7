namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// The matmul FLOPs of one training step of a BERT sequence classifier, counted from the batch's shapes: per layer the
/// query, key, value and output projections (8·h² per token), the feed-forward pair (4·h·i per token) and attention's
/// two batched products (4·L²·h per sequence of length L), then the pooler and the two-way classifier; backward is
/// twice the forward (the gradients of inputs and of weights). Counted over the padded batch (what LibTorch computes)
/// and over the real tokens alone (what is useful).
/// </summary>
internal static class MatmulFlops
{
    private const int Labels = 2;

    public static double Padded(ModelShape shape, int batch, int paddedLength) =>
        Training(shape, Enumerable.Repeat(paddedLength, batch).ToArray());

    public static double Real(ModelShape shape, IReadOnlyList<int> lengths) => Training(shape, lengths);

    private static double Training(ModelShape shape, IReadOnlyList<int> lengths)
    {
        double h = shape.Hidden, i = shape.Intermediate;
        var tokens = lengths.Sum(l => (double)l);
        var squares = lengths.Sum(l => (double)l * l);
        var perLayer = (tokens * ((8 * h * h) + (4 * h * i))) + (4 * squares * h);
        var heads = lengths.Count * ((2 * h * h) + (2 * h * Labels));
        return 3 * ((shape.Layers * perLayer) + heads);
    }
}
