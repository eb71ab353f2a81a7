using ExperimentKit.Runs;
using ExperimentKit.Schema;
using ExperimentKit.Tests.EndToEnd;

namespace ExperimentKit.Tests.Runs;

public sealed class ResolvedConfigWriterTests
{
    [Theory]
    [InlineData("mrpc.yaml")]
    [InlineData("mrpc-tiny.yaml")]
    [InlineData("sst2-distilbert-tiny.yaml")]
    [InlineData("conll2003-ner.yaml")]
    [InlineData("sts-b.yaml")]
    [InlineData("cola.yaml")]
    [InlineData("squad.yaml")]
    [InlineData("arc-easy.yaml")]
    [InlineData("commonsense-qa.yaml")]
    [InlineData("mlm-domain.yaml")]
    public void The_resolved_config_parses_back_to_the_same_experiment(string file)
    {
        var spec = ExperimentFiles.Load(file, "runs/test");

        var yaml = ResolvedConfigWriter.ToYaml(spec);
        var reparsed = ExperimentSpecParser.Parse("config.yaml", yaml);

        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(spec with { Locations = reparsed.Spec!.Locations }, reparsed.Spec);
    }

    [Fact]
    public void Head_options_and_metric_arguments_survive_the_round_trip()
    {
        var spec = ExperimentFiles.Load("conll2003-ner.yaml", "runs/test");
        spec = spec with
        {
            Task = new ExperimentKit.Schema.Model.TokenClassificationTaskSpec { LabelAllTokens = true, NumLabels = 9 },
            Metrics = new([new ExperimentKit.Schema.Model.MetricSpec { Kind = ExperimentKit.Schema.Model.MetricKind.Seqeval, Mode = ExperimentKit.Schema.Model.SeqevalMode.Strict, Scheme = ExperimentKit.Schema.Model.TagScheme.Iobes }]),
        };

        var reparsed = ExperimentSpecParser.Parse("config.yaml", ResolvedConfigWriter.ToYaml(spec));

        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(spec.Task, reparsed.Spec!.Task);
        Assert.Equal(spec.Metrics, reparsed.Spec.Metrics);
    }

    [Fact]
    public void A_pretrained_models_config_keys_are_the_checkpoints_unless_the_experiment_wrote_them()
    {
        var spec = ExperimentFiles.Load("mrpc-mean-pooling.yaml", "runs/test");

        var yaml = ResolvedConfigWriter.ToYaml(spec);

        // Written: the checkpoint and the head's pooling. Not written: the architecture (768 would contradict the
        // checkpoint's 384 when the file runs again) and the dropouts (a default would override the checkpoint's).
        Assert.Contains("  pretrained_model_name_or_path: sentence-transformers/all-MiniLM-L6-v2\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  classifier_pooling: mean\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden_size", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden_dropout_prob", yaml, StringComparison.Ordinal);
    }
}
