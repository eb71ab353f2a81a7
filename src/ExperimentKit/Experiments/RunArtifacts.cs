using System.Text.Json;
using ExperimentKit.IO;
using ExperimentKit.Runs;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// The files a finished run leaves beside metrics.jsonl: the final model as a Hugging Face folder
/// (<see cref="ModelFolder"/>) and all_results.json.
/// </summary>
public static class RunArtifacts
{
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
    }
}
