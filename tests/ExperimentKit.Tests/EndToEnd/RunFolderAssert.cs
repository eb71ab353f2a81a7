using System.Text.Json.Nodes;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>What every finished run folder holds, whatever the architecture.</summary>
internal static class RunFolderAssert
{
    /// <summary>Asserts the folder holds exactly a whole run's files; returns its config.json.</summary>
    public static JsonNode Whole(string runDirectory)
    {
        string[] expected = ["all_results.json", "config.json", "config.yaml", "metrics.jsonl", "model.safetensors", "tokenizer_config.json", "vocab.txt"];
        Assert.Equal(expected, Directory.GetFiles(runDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        return JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, "config.json")))!;
    }
}
