using ExperimentKit.Experiments;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Cli;

/// <summary>A run-time finding about a setting names where the setting was written: the file's line, or the --set override.</summary>
public sealed class ConfigurationErrorTests
{
    private static readonly SettingOverride[] Overrides = [new("training.seed", "2"), new("model.hidden_size", "768")];

    [Fact]
    public void A_finding_about_an_override_names_the_override()
    {
        var error = new ExperimentConfigurationException("experiments/mrpc.yaml", SourceLocation.CommandLine(1), "EK0401", "model.hidden_size is 768 here but 384 in config.json");

        Assert.Equal("--set model.hidden_size=768: error EK0401: model.hidden_size is 768 here but 384 in config.json", error.Format(Overrides));
    }

    [Fact]
    public void A_finding_about_a_written_value_names_its_line_and_column()
    {
        var error = new ExperimentConfigurationException("experiments/x.yaml", new SourceLocation(4, 16), "EK0401", "model.hidden_size is 768 here but 384 in config.json");

        Assert.Equal("experiments/x.yaml(4,16): error EK0401: model.hidden_size is 768 here but 384 in config.json", error.Format(Overrides));
    }
}
