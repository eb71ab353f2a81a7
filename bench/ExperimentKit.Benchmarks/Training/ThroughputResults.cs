using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// bench/results/training-throughput.json and .md: each run's rows replace the rows of the same configuration and the
/// others stay, so partial runs build up one table; the Markdown compares every row with the value it replaced.
/// </summary>
internal static class ThroughputResults
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static string Line(ThroughputRow r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Shape,-17} batch {r.Batch,2} {r.Order,-7}: {r.SamplesPerSecond,6:0.00} samples/s, {r.TokensPerSecond,7:0} tokens/s, {r.StepMs,7:0} ms/step (data {r.DataMs:0}, forward {r.ForwardMs:0}, backward {r.BackwardMs:0}, optimizer {r.OptimizerMs:0}), padding {r.PaddingShare:P0}, MFU {r.MfuPadded:P1} padded / {r.MfuReal:P1} real");

    public static void Save(IReadOnlyList<ThroughputRow> measured)
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(folder);
        var jsonPath = Path.Combine(folder, "training-throughput.json");
        var previous = File.Exists(jsonPath)
            ? JsonSerializer.Deserialize<ThroughputRow[]>(File.ReadAllText(jsonPath), Json) ?? []
            : [];
        var byKey = previous.ToDictionary(r => r.Key);
        var replaced = measured.Where(r => byKey.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => byKey[r.Key]);
        foreach (var row in measured)
        {
            byKey[row.Key] = row;
        }

        var rows = byKey.Values.OrderBy(r => r.Shape, StringComparer.Ordinal).ThenBy(r => r.Batch).ThenBy(r => r.Order, StringComparer.Ordinal).ToArray();
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(rows, Json) + "\n");
        File.WriteAllText(Path.Combine(folder, "training-throughput.md"), Markdown(rows, replaced));
    }

    private static string Markdown(IReadOnlyList<ThroughputRow> rows, IReadOnlyDictionary<string, ThroughputRow> replaced)
    {
        var text = new StringBuilder();
        text.AppendLine("# Training throughput (bench `training`)");
        text.AppendLine();
        text.AppendLine("Random-weight BERT classifiers on MRPC's training pairs (bert-base-uncased vocabulary, pairs to 128 tokens). MFU = matmul FLOP/s counted from the shapes run (forward + 2× for backward) over the float32 `torch.mm` peak measured in the same run; *padded* counts padding positions, *real* only tokens. Each row keeps the date it was measured; *before* is the value the last measurement of that row replaced.");
        text.AppendLine();
        text.AppendLine("| shape | batch | order | device, threads | samples/s | tokens/s | ms/step | data | forward | backward | optimizer | padding | peak GFLOP/s | MFU padded | MFU real | measured | before (samples/s) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var before = replaced.TryGetValue(r.Key, out var old)
                ? string.Create(CultureInfo.InvariantCulture, $"{old.SamplesPerSecond:0.00} ({r.SamplesPerSecond / old.SamplesPerSecond:0.00}×, {old.Measured})")
                : "";
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Shape} | {r.Batch} | {r.Order} | {r.Device}, {r.Threads} | {r.SamplesPerSecond:0.00} | {r.TokensPerSecond:0} | {r.StepMs:0} | {r.DataMs:0} | {r.ForwardMs:0} | {r.BackwardMs:0} | {r.OptimizerMs:0} | {r.PaddingShare:P0} | {r.PeakGflops:0.0} | {r.MfuPadded:P1} | {r.MfuReal:P1} | {r.Measured} | {before} |"));
        }

        return text.ToString();
    }

    /// <summary>The folder holding ExperimentKit.sln, above this program's.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ExperimentKit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no ExperimentKit.sln above {AppContext.BaseDirectory}");
    }
}
