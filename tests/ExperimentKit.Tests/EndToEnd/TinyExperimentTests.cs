using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Experiments;

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
        var config = RunFolderAssert.Whole(result.RunDirectory);
        Assert.Single(Directory.GetDirectories(output.Path));
        Assert.Equal("equivalent", (string?)config["id2label"]!["1"]);
    }

    [Fact]
    public void The_same_seed_gives_identical_metrics_twice()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();

        var a = RunTiny(first.Path);
        var b = RunTiny(second.Path);

        Assert.Equal(LossesOf(a.RunDirectory), LossesOf(b.RunDirectory));
        Assert.Equal(a.Train.TrainingLoss, b.Train.TrainingLoss);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(a.RunDirectory, "model.safetensors")),
            File.ReadAllBytes(Path.Combine(b.RunDirectory, "model.safetensors")));
    }

    private static RunResult RunTiny(string outputDir) => ExperimentFiles.Run(new MrpcTinyExperiment(), "mrpc-tiny.yaml", outputDir);

    /// <summary>Every loss value in metrics.jsonl (timings differ run to run; losses must not).</summary>
    private static double[] LossesOf(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "metrics.jsonl"))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .SelectMany(json => json.Where(p => p.Key.Contains("loss", StringComparison.Ordinal) || p.Key.StartsWith("eval_", StringComparison.Ordinal) && !p.Key.Contains("runtime", StringComparison.Ordinal) && !p.Key.Contains("per_second", StringComparison.Ordinal)))
            .Select(p => (double)p.Value!)
            .ToArray();
}
