using System.Diagnostics;
using static TorchSharp.torch;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// The matmuls of one training step alone, at the step's shapes, on random tensors: what forward and backward would cost
/// if every other kernel (GELU, softmax, LayerNorm, dropout, residual adds, the loss) were free. Step time minus this is
/// the time those kernels and the framework take; this over the FLOPs says how well the matrix library does at these
/// shapes, which is the MFU's ceiling.
/// </summary>
/// <remarks>
/// Per layer, as <see cref="MatmulFlops"/> counts them: the four attention projections, the feed-forward pair, and
/// attention's two batched products; backward is, per product, one for the input's gradient and one for the weight's
/// (or the other operand's). The pooler and classifier are left out (under 0.1 % of the FLOPs).
/// </remarks>
internal static class MatmulReplay
{
    public static double Seconds(ModelShape shape, int batch, int length, Device device)
    {
        using var scope = NewDisposeScope();
        long tokens = (long)batch * length, h = shape.Hidden, i = shape.Intermediate, heads = shape.Heads, d = h / heads;
        var products = new List<Action>();
        foreach (var (input, output, count) in new[] { (h, h, 4), (h, i, 1), (i, h, 1) })
        {
            var x = randn(tokens, input, device: device);
            var w = randn(output, input, device: device);
            var gradOut = randn(tokens, output, device: device);
            for (var c = 0; c < count; c++)
            {
                products.Add(() => mm(x, w.t()));          // forward
                products.Add(() => mm(gradOut, w));        // grad of the input
                products.Add(() => mm(gradOut.t(), x));    // grad of the weight
            }
        }

        var q = randn(batch * heads, length, d, device: device);
        var k = randn(batch * heads, length, d, device: device);
        var probabilities = randn(batch * heads, length, length, device: device);
        products.Add(() => bmm(q, k.transpose(1, 2)));            // scores
        products.Add(() => bmm(probabilities, k));                  // context
        products.Add(() => bmm(probabilities, k));                  // grad of the scores' query side
        products.Add(() => bmm(probabilities.transpose(1, 2), q));  // grad of the key side
        products.Add(() => bmm(probabilities.transpose(1, 2), q));  // grad of the values
        products.Add(() => bmm(q, k.transpose(1, 2)));              // grad of the probabilities

        // One pass to warm up, then the best of two: a single pass is at the mercy of whatever else the machine does.
        RunAll(products, device);
        var best = double.MaxValue;
        for (var pass = 0; pass < 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            RunAll(products, device);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best * shape.Layers;
    }

    private static void RunAll(IEnumerable<Action> products, Device device)
    {
        foreach (var product in products)
        {
            using var scope = NewDisposeScope();
            product();
        }

        MatmulPeak.Synchronize(device);
    }
}
