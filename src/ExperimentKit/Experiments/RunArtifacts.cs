using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.IO;
using ExperimentKit.Runs;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// The files a finished run leaves beside metrics.jsonl: the final model as a Hugging Face folder
/// (<see cref="ModelFolder"/>), all_results.json and results.json.
/// </summary>
public static class RunArtifacts
{
    /// <summary>
    /// all_results.json without its timings (`*_runtime`, `*_per_second`): the numbers a seeded CPU run reproduces
    /// byte for byte, which sweeps summarise and reruns compare.
    /// </summary>
    public const string ResultsFile = "results.json";

    /// <summary>The command line that reproduces the run (written when the run starts).</summary>
    public const string CommandFile = "command.txt";

    public static void Write(RunFolder folder, torch.nn.Module model, ModelFolder modelFolder, TrainOutput output, IReadOnlyList<EpochSummary> epochs)
    {
        modelFolder.Write(folder.Path, model);

        var results = LogHistoryJson.ToJson(output);
        if (epochs.Count > 0)
        {
            foreach (var (key, value) in LogHistoryJson.ToJson(epochs[^1].Evaluation))
            {
                results[key] = value?.DeepClone();
            }
        }

        AtomicFile.WriteAllText(folder.File("all_results.json"), results.ToJsonString(LogHistoryJson.IndentedOptions));
        AtomicFile.WriteAllText(folder.File(ResultsFile), WithoutTimings(results).ToJsonString(LogHistoryJson.IndentedOptions));
    }

    private static JsonObject WithoutTimings(JsonObject results) => new(results
        .Where(entry => !entry.Key.EndsWith("_runtime", StringComparison.Ordinal) && !entry.Key.EndsWith("_per_second", StringComparison.Ordinal))
        .Select(entry => KeyValuePair.Create(entry.Key, entry.Value?.DeepClone())));
}
