using System.Text.Json.Nodes;
using ExperimentKit.Runs;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>What every finished run folder holds, whatever the architecture.</summary>
internal static class RunFolderAssert
{
    private static readonly string[] EveryRun =
    [
        "all_results.json", "config.json", "config.yaml", "environment.json", "learning_rate.png", "loss.png", "metrics.jsonl",
        "model.safetensors", "predict_results.json", "predictions.safetensors", "report.md", "results.json", "special_tokens_map.json", "tokenizer.json",
        "tokenizer_config.json", "trainer_state.json", "vocab.txt",
    ];

    /// <summary>Asserts the folder holds exactly a whole run's files, with a plot per metric and one events file; returns its config.json.</summary>
    public static JsonNode Whole(string runDirectory, params string[] metrics)
    {
        var expected = EveryRun.Concat(metrics.Select(metric => $"eval_{metric}.png")).Append(TensorBoardLog.FilePrefix).Order(StringComparer.Ordinal).ToArray();
        var files = Directory.GetFiles(runDirectory).Select(Path.GetFileName).Select(name => name!.StartsWith(TensorBoardLog.FilePrefix, StringComparison.Ordinal) ? TensorBoardLog.FilePrefix : name);
        Assert.Equal(expected, files.Order(StringComparer.Ordinal).ToArray());

        // Trainer.save_state's file: the whole log_history, the same events as metrics.jsonl (which adds the TrainOutput line).
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "trainer_state.json")))!;
        var events = File.ReadAllLines(Path.Combine(runDirectory, "metrics.jsonl"));
        Assert.Equal(events[..^1], state["log_history"]!.AsArray().Select(line => line!.ToJsonString()));
        Assert.Equal((int)JsonNode.Parse(events[^1])!["step"]!, (int)state["global_step"]!);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "config.json")))!;
    }
}
