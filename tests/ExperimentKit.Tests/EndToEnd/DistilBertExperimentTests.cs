using ExperimentKit.Experiments;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>
/// experiments/sst2-distilbert-tiny.yaml through the generated experiment: a small DistilBERT trained from scratch
/// memorises 64 SST-2 sentences, and the run folder is a DistilBERT Hugging Face folder.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class DistilBertExperimentTests
{
    [Fact]
    public void The_tiny_distilbert_learns_its_training_sentences_and_leaves_a_distilbert_run_folder()
    {
        using var output = new TemporaryFolder();

        var result = ExperimentFiles.Run(new Sst2DistilbertTinyExperiment(), "sst2-distilbert-tiny.yaml", output.Path);

        Assert.True(result.FinalEvaluation!.Metric("accuracy") >= 0.95, $"training accuracy {result.FinalEvaluation.Metric("accuracy")}");
        var config = RunFolderAssert.Whole(result.RunDirectory, "accuracy", "f1");
        Assert.Equal("distilbert", (string?)config["model_type"]);
        Assert.Equal(["DistilBertForSequenceClassification"], config["architectures"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(64, (int?)config["dim"]);
        Assert.Equal("positive", (string?)config["id2label"]!["1"]);
        Assert.Contains("model_type: distilbert", File.ReadAllText(Path.Combine(result.RunDirectory, "config.yaml")), StringComparison.Ordinal);
    }
}
