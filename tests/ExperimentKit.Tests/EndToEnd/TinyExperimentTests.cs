using System.Text.Json.Nodes;
using ExperimentKit.Data;
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
        var config = RunFolderAssert.Whole(result.RunDirectory, "accuracy", "f1");
        Assert.Single(Directory.GetDirectories(output.Path));
        Assert.Equal("equivalent", (string?)config["id2label"]!["1"]);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "predict_results.json")))!;
        Assert.Equal(result.FinalEvaluation.Metric("accuracy"), (double)results["test_accuracy"]!);
        Assert.Equal([64, 2], Shape(result.RunDirectory, "predictions"));
        Assert.All(Directory.GetFiles(result.RunDirectory, "*.png"), png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]));
        Assert.Contains("![Loss](loss.png)", File.ReadAllText(Path.Combine(result.RunDirectory, "report.md")), StringComparison.Ordinal);
        var environment = JsonNode.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "environment.json")))!;
        Assert.StartsWith("0.107", (string?)environment["torch_sharp"], StringComparison.Ordinal);
        Assert.Equal("libtorch-cpu-linux-x64/2.10.0", (string?)environment["lib_torch"]);
    }

    [Fact]
    public void Predict_writes_logits_and_label_ids_of_the_whole_mrpc_validation_split_beside_a_saved_model()
    {
        using var output = new TemporaryFolder();
        var result = RunTiny(output.Path, maxSteps: 4);
        var checkpoint = Path.Combine(result.RunDirectory, "checkpoints", "checkpoint-4");

        // The tiny experiment validates on its training pairs; this copy predicts MRPC's dev.tsv, as the reference does.
        var experiment = output.File("mrpc-tiny-dev.yaml");
        File.WriteAllText(experiment, File.ReadAllText(ExperimentFiles.PathOf("mrpc-tiny.yaml")).Replace("  validation_file: train.tsv\n", string.Empty, StringComparison.Ordinal).Replace("  max_eval_samples: 64\n", $"  data_root: {TestData.Root}\n", StringComparison.Ordinal));
        Predict(["predict", checkpoint, "--split", "validation", experiment]);

        Assert.Equal([408, 2], Shape(checkpoint, "predictions"));
        Assert.Equal([408], Shape(checkpoint, "label_ids"));
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(checkpoint, "predict_results.json")))!.AsObject();
        Assert.Equal(["test_loss", "test_accuracy", "test_f1", "test_runtime", "test_samples_per_second"], results.Select(p => p.Key));

        // Without an experiment file, the run's own config.yaml says how to read the split (its 64 training pairs).
        Predict(["predict", checkpoint]);
        Assert.Equal([64, 2], Shape(checkpoint, "predictions"));
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

    private static RunResult RunTiny(string outputDir, int maxSteps = -1) =>
        // The run folder's config.yaml then names the data root, so `predict` finds the data from any folder.
        ExperimentFiles.Run(new MrpcTinyExperiment(), "mrpc-tiny.yaml", outputDir, spec =>
            spec with { Dataset = spec.Dataset with { DataRoot = TestData.Root }, Training = spec.Training with { MaxSteps = maxSteps } });

    /// <summary>The command line in this process; what it printed is the failure message.</summary>
    private static void Predict(string[] args)
    {
        using var printed = new StringWriter();
        var exitCode = ExperimentKit.Cli.CommandLine.Run(args, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(printed) }));
        Assert.True(exitCode == 0, printed.ToString());
    }

    private static long[] Shape(string folder, string tensor)
    {
        using var reader = ExperimentKit.Models.SafeTensorsFile.Open(Path.Combine(folder, ExperimentKit.Runs.PredictionsFile.TensorsFile));
        return reader.Entries[tensor].Shape.ToArray();
    }
}
