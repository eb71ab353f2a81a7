using System.Text.Json.Nodes;
using ExperimentKit.Experiments;
using Spectre.Console;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>
/// experiments/mrpc-tiny.yaml through the generated experiment: a small BERT memorises 64 MRPC pairs,
/// proof that every layer (tokenizer, collator, model, optimizer, schedule) works together.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TinyExperimentTests
{
    [Fact]
    public void The_tiny_experiment_learns_its_training_pairs_and_leaves_a_whole_run_folder()
    {
        using var output = new TemporaryFolder();

        var result = RunTiny(output.Path);

        Assert.True(result.FinalEvaluation!.Metric("accuracy") >= 0.95, $"training accuracy {result.FinalEvaluation.Metric("accuracy")}");
        string[] expected = ["all_results.json", "config.json", "config.yaml", "metrics.jsonl", "model.safetensors", "tokenizer_config.json", "vocab.txt"];
        Assert.Equal(expected, Directory.GetFiles(result.RunDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Single(Directory.GetDirectories(output.Path));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "config.json")))!;
        Assert.Equal("equivalent", (string?)config["id2label"]!["1"]);
    }

    [Fact]
    public void The_same_seed_gives_identical_metrics_twice()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();

        var a = RunTiny(first.Path);
        var b = RunTiny(second.Path);

        Assert.Equal(RunFiles.Losses(a.RunDirectory), RunFiles.Losses(b.RunDirectory));
        Assert.Equal(a.Train.TrainingLoss, b.Train.TrainingLoss);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(a.RunDirectory, "model.safetensors")),
            File.ReadAllBytes(Path.Combine(b.RunDirectory, "model.safetensors")));
    }

    private static RunResult RunTiny(string outputDir)
    {
        var spec = ExperimentFiles.Load("mrpc-tiny.yaml", outputDir);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        return new ExperimentKit.Experiments.MrpcTinyExperiment().Run(spec, new RunSettings(ExperimentFiles.PathOf("mrpc-tiny.yaml"), console));
    }
}
