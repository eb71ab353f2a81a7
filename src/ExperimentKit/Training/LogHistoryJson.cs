using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ExperimentKit.Training;

/// <summary>
/// The Trainer's log_history lines as JSON, with its keys (loss, grad_norm, learning_rate, epoch, step / eval_loss,
/// eval_accuracy, eval_runtime, ...). trainer_state.json keeps them and metrics.jsonl repeats them, so both read one mapping.
/// </summary>
public static class LogHistoryJson
{
    /// <summary>
    /// How log events are written: a metric may be NaN (scipy's Pearson of constant predictions), which Python's json
    /// writes as NaN; here it is the string "NaN" rather than an exception that would end the run.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary><see cref="Options"/> indented, for the whole-file results (all_results.json, predict_results.json).</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = new(Options) { WriteIndented = true };

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
            return new TrainingLogEntry(step, epoch, Number(loss), Number(line["grad_norm"]!), Number(line["learning_rate"]!));
        }

        string[] notMetrics = ["eval_loss", "eval_runtime", "eval_samples_per_second"];
        var metrics = line
            .Where(p => p.Key.StartsWith("eval_", StringComparison.Ordinal) && !notMetrics.Contains(p.Key))
            .Select(p => new MetricValue(p.Key["eval_".Length..], Number(p.Value!)))
            .ToArray();
        return new EvaluationLogEntry(step, epoch, Number(line["eval_loss"]!), metrics, Number(line["eval_runtime"]!), Number(line["eval_samples_per_second"]!));
    }

    /// <summary>A number as <see cref="Options"/> writes it: a JSON number, or "NaN" / "Infinity" / "-Infinity".</summary>
    private static double Number(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture) : (double)node;
}
