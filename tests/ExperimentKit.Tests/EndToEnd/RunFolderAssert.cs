using System.Text.Json.Nodes;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>What every finished run folder holds, whatever the architecture.</summary>
internal static class RunFolderAssert
{
    private static readonly string[] EveryRun =
    [
        "all_results.json", "config.json", "config.yaml", "environment.json", "learning_rate.png", "loss.png", "metrics.jsonl",
        "model.safetensors", "predict_results.json", "predictions.safetensors", "report.md", "tokenizer_config.json", "vocab.txt",
    ];

    /// <summary>Asserts the folder holds exactly a whole run's files, with a plot per metric; returns its config.json.</summary>
    public static JsonNode Whole(string runDirectory, params string[] metrics)
    {
        var expected = EveryRun.Concat(metrics.Select(metric => $"eval_{metric}.png")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, Directory.GetFiles(runDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        return JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "config.json")))!;
    }
}
