using System.Text.Json.Nodes;

namespace ExperimentKit.Training;

/// <summary>
/// The Trainer's log_history lines as JSON, with its keys (loss, grad_norm, learning_rate, epoch, step / eval_loss,
/// eval_accuracy, eval_runtime, ...). trainer_state.json keeps them and metrics.jsonl repeats them, so both read one mapping.
/// </summary>
public static class LogHistoryJson
{
    public static JsonObject ToJson(TrainingLogEntry entry) => new()
    {
        ["loss"] = entry.Loss,
        ["grad_norm"] = entry.GradNorm,
        ["learning_rate"] = entry.LearningRate,
        ["epoch"] = entry.Epoch,
        ["step"] = entry.Step,
    };

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

    /// <summary>A log_history line back as the event it records (a training log or an evaluation).</summary>
    public static object FromJson(JsonObject line)
    {
        var step = (int)line["step"]!;
        var epoch = (double)line["epoch"]!;
        if (line["loss"] is { } loss)
        {
            return new TrainingLogEntry(step, epoch, (double)loss, (double)line["grad_norm"]!, (double)line["learning_rate"]!);
        }

        string[] notMetrics = ["eval_loss", "eval_runtime", "eval_samples_per_second"];
        var metrics = line
            .Where(p => p.Key.StartsWith("eval_", StringComparison.Ordinal) && !notMetrics.Contains(p.Key))
            .Select(p => new MetricValue(p.Key["eval_".Length..], (double)p.Value!))
            .ToArray();
        return new EvaluationLogEntry(step, epoch, (double)line["eval_loss"]!, metrics, (double)line["eval_runtime"]!, (double)line["eval_samples_per_second"]!);
    }
}
