using System.Globalization;
using System.Text;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// bench/results/training-throughput.json and .md (see <see cref="ResultsFolder"/>); the Markdown compares every row with
/// the value it replaced.
/// </summary>
internal static class ThroughputResults
{
    public static string Line(ThroughputRow r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Shape,-17} batch {r.Batch,2} {r.Order,-7}: {r.SamplesPerSecond,6:0.00} samples/s, {r.TokensPerSecond,7:0} tokens/s, {r.StepMs,7:0} ms/step (data {r.DataMs:0}, forward {r.ForwardMs:0}, backward {r.BackwardMs:0}, optimizer {r.OptimizerMs:0}; matmuls alone {r.MatmulMs:0} at {r.MatmulEfficiency:P0} of peak), padding {r.PaddingShare:P0}, MFU {r.MfuPadded:P1} padded / {r.MfuReal:P1} real");

    public static void Save(IReadOnlyList<ThroughputRow> measured)
    {
        var (rows, replaced) = ResultsFolder.Merge("training-throughput.json", measured, r => r.Key);
        var ordered = rows.OrderBy(r => r.Shape, StringComparer.Ordinal).ThenBy(r => r.Batch).ThenBy(r => r.Order, StringComparer.Ordinal).ToArray();
        File.WriteAllText(ResultsFolder.PathOf("training-throughput.md"), Markdown(ordered, replaced));
    }

    private static string Markdown(IReadOnlyList<ThroughputRow> rows, IReadOnlyDictionary<string, ThroughputRow> replaced)
    {
        var text = new StringBuilder();
        text.AppendLine("# Training throughput (bench `training`)");
        text.AppendLine();
        text.AppendLine("Random-weight BERT classifiers on MRPC's training pairs (bert-base-uncased vocabulary, pairs to 128 tokens). MFU = matmul FLOP/s counted from the shapes run (forward + 2× for backward) over the float32 `torch.mm` peak measured in the same run; *padded* counts padding positions, *real* only tokens. *matmuls alone* is the step's matrix products replayed by themselves at the same shapes (forward and backward), and *matmul efficiency* their FLOP rate over the peak: the MFU a step would reach if every other kernel were free; forward + backward − matmuls alone is what the other kernels (GELU, softmax, LayerNorm, dropout, residual adds, the loss) and the framework take. Each row keeps the date it was measured; *before* is the value the last measurement of that row replaced.");
        text.AppendLine();
        text.AppendLine("| shape | batch | order | device, threads | samples/s | tokens/s | ms/step | data | forward | backward | optimizer | matmuls alone | matmul efficiency | padding | peak GFLOP/s | MFU padded | MFU real | measured | before (samples/s) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var before = replaced.TryGetValue(r.Key, out var old)
                ? string.Create(CultureInfo.InvariantCulture, $"{old.SamplesPerSecond:0.00} ({r.SamplesPerSecond / old.SamplesPerSecond:0.00}×, {old.Measured})")
                : "";
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Shape} | {r.Batch} | {r.Order} | {r.Device}, {r.Threads} | {r.SamplesPerSecond:0.00} | {r.TokensPerSecond:0} | {r.StepMs:0} | {r.DataMs:0} | {r.ForwardMs:0} | {r.BackwardMs:0} | {r.OptimizerMs:0} | {Replayed(r)} | {r.PaddingShare:P0} | {r.PeakGflops:0.0} | {r.MfuPadded:P1} | {r.MfuReal:P1} | {r.Measured} | {before} |"));
        }

        return text.ToString();
    }

    /// <summary>The replay's two columns; rows measured before the replay existed have none.</summary>
    private static string Replayed(ThroughputRow r) => r.MatmulMs > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{r.MatmulMs:0} | {r.MatmulEfficiency:P1}")
        : "– | –";
}
