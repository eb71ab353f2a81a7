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
    public void The_resolved_config_parses_back_to_the_same_experiment(string file)
    {
        var spec = ExperimentFiles.Load(file, "runs/test");

        var yaml = ResolvedConfigWriter.ToYaml(spec);
        var reparsed = ExperimentSpecParser.Parse("config.yaml", yaml);

        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(spec with { Locations = reparsed.Spec!.Locations }, reparsed.Spec);
    }
}
