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
}
