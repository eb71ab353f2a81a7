using System.Text.Json.Nodes;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// metrics.jsonl: one JSON object per log or evaluation event, with the keys of the Trainer's log_history
/// (loss, grad_norm, learning_rate, epoch, step / eval_loss, eval_accuracy, eval_runtime, ...).
/// </summary>
public sealed class MetricsLog(string path)
{
    public void Append(TrainingLogEntry entry) => Append(new JsonObject
    {
        ["loss"] = entry.Loss,
        ["grad_norm"] = entry.GradNorm,
        ["learning_rate"] = entry.LearningRate,
        ["epoch"] = entry.Epoch,
        ["step"] = entry.Step,
    });

    public void Append(EvaluationLogEntry entry) => Append(ToJson(entry));

    public static JsonObject ToJson(EvaluationLogEntry entry)
    {
        var json = new JsonObject { ["eval_loss"] = entry.Loss };
        foreach (var metric in entry.Metrics)
        {
            json["eval_" + metric.Name] = metric.Value;
        }

        json["eval_runtime"] = entry.RuntimeSeconds;
        json["eval_samples_per_second"] = entry.SamplesPerSecond;
        json["epoch"] = entry.Epoch;
        json["step"] = entry.Step;
        return json;
    }

    public static JsonObject ToJson(TrainOutput output) => new()
    {
        ["train_runtime"] = output.TrainRuntimeSeconds,
        ["train_samples_per_second"] = output.TrainSamplesPerSecond,
        ["train_steps_per_second"] = output.TrainStepsPerSecond,
        ["train_loss"] = output.TrainingLoss,
        ["epoch"] = output.Epoch,
        ["step"] = output.GlobalStep,
    };

    public void Append(TrainOutput output) => Append(ToJson(output));

    private void Append(JsonObject line) =>
        File.AppendAllText(path, line.ToJsonString() + "\n");
}
