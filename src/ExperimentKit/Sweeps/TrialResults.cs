using System.Text.Json.Nodes;
using ExperimentKit.Experiments;

namespace ExperimentKit.Sweeps;

/// <summary>A finished trial's numbers: its results.json (all_results.json without timings).</summary>
public static class TrialResults
{
    public static IReadOnlyDictionary<string, double> Read(string trialFolder)
    {
        var path = Path.Combine(trialFolder, RunArtifacts.ResultsFile);
        if (!File.Exists(path))
        {
            return new Dictionary<string, double>();
        }

        var json = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? [];
        return json
            .Where(entry => entry.Value is JsonValue value && value.TryGetValue<double>(out _))
            .ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<double>(), StringComparer.Ordinal);
    }
}
