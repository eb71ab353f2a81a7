using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.Models;
using ExperimentKit.Training;
using static TorchSharp.torch;

namespace ExperimentKit.Runs;

/// <summary>
/// What Trainer.predict returns, on disk: predictions.safetensors with `predictions` (float32 logits, [N, num_labels])
/// and `label_ids` (int64, [N]), and predict_results.json with the metrics under the `test_` prefix, as predict reports them.
/// </summary>
public static class PredictionsFile
{
    public const string TensorsFile = "predictions.safetensors";
    public const string ResultsFile = "predict_results.json";

    public static void Write(string folder, Predictions predictions, IReadOnlyList<int> labelIds, EvaluationLogEntry evaluation)
    {
        using (var scope = NewDisposeScope())
        {
            var rows = predictions.Logits.Count;
            var columns = rows == 0 ? 0 : predictions.Logits[0].Length;
            var logits = tensor(predictions.Logits.SelectMany(row => row).ToArray()).reshape(rows, columns);
            var labels = tensor(labelIds.Select(id => (long)id).ToArray());
            SafeTensorsFile.Save(Path.Combine(folder, TensorsFile), [("predictions", logits), ("label_ids", labels)]);
        }

        var results = new JsonObject();
        foreach (var (key, value) in MetricsLog.ToJson(evaluation).Where(p => p.Key.StartsWith("eval_", StringComparison.Ordinal)))
        {
            results["test_" + key["eval_".Length..]] = value?.DeepClone();
        }

        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFile), results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
