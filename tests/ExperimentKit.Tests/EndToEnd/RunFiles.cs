using System.Text.Json.Nodes;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>Reads a finished run folder for comparisons.</summary>
internal static class RunFiles
{
    /// <summary>Every loss and metric value in metrics.jsonl (timings differ run to run; losses and metrics must not).</summary>
    public static double[] Losses(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "metrics.jsonl"))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .SelectMany(json => json.Where(p => p.Key.Contains("loss", StringComparison.Ordinal) || p.Key.StartsWith("eval_", StringComparison.Ordinal) && !p.Key.Contains("runtime", StringComparison.Ordinal) && !p.Key.Contains("per_second", StringComparison.Ordinal)))
            .Select(p => (double)p.Value!)
            .ToArray();
}
