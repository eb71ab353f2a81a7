using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.IO;
using ExperimentKit.Models;
using TorchSharp;
using ExperimentKit.Training;
using static TorchSharp.torch;

namespace ExperimentKit.Runs;

/// <summary>
/// What Trainer.predict returns, on disk: predictions.safetensors with `predictions` (float32 head outputs: [N, num_labels]
/// per example, [N, seq, num_labels] per token, -100 where padded) and `label_ids` (int64 class ids, or float32 scores;
/// [N] or [N, seq]), and predict_results.json with the metrics under the `test_` prefix, as predict reports them.
/// </summary>
public static class PredictionsFile
{
    public const string TensorsFile = "predictions.safetensors";
    public const string ResultsFile = "predict_results.json";

    public static void Write(string folder, EvalPrediction prediction, EvaluationLogEntry evaluation)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        using (var scope = NewDisposeScope())
        {
            var predictions = tensor(prediction.Predictions.Data, prediction.Predictions.Shape, ScalarType.Float32);
            var labels = prediction.LabelIds.ToTensor();
            SafeTensorsFile.Save(Path.Combine(folder, TensorsFile), [("predictions", predictions), ("label_ids", labels)]);
        }

        var results = new JsonObject();
        foreach (var (key, value) in LogHistoryJson.ToJson(evaluation).Where(p => p.Key.StartsWith("eval_", StringComparison.Ordinal)))
        {
            results["test_" + key["eval_".Length..]] = value?.DeepClone();
        }

        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFile), results.ToJsonString(LogHistoryJson.IndentedOptions));
    }
}
