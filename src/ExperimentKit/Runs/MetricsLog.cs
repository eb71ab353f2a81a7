using System.Text.Json.Nodes;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// metrics.jsonl: one JSON object per log or evaluation event, with the keys of the Trainer's log_history
/// (loss, grad_norm, learning_rate, epoch, step / eval_loss, eval_accuracy, eval_runtime, ...). Each event rewrites the
/// file through a temporary one, as every file of a run is written: a kill mid-write leaves the previous events whole
/// rather than a torn last line (the file is small; a run logs hundreds of lines, not millions).
/// </summary>
public sealed class MetricsLog(string path)
{
    private readonly System.Text.StringBuilder lines = new();

    public void Append(TrainingLogEntry entry) => Append(ToJson(entry));

    public static JsonObject ToJson(TrainingLogEntry entry) => new()
    {
        ["loss"] = entry.Loss,
        ["grad_norm"] = entry.GradNorm,
        ["learning_rate"] = entry.LearningRate,
        ["epoch"] = entry.Epoch,
        ["step"] = entry.Step,
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

    /// <summary>Starts the file over: a resumed run replays its checkpoint's log_history, dropping what was logged after it.</summary>
    public void Clear()
    {
        lines.Clear();
        AtomicFile.WriteAllText(path, string.Empty);
    }

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

    private void Append(JsonObject line)
    {
        lines.Append(line.ToJsonString()).Append('\n');
        AtomicFile.WriteAllText(path, lines.ToString());
    }
}
