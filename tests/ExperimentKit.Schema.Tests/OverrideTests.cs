using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>`--set path=value` overrides: applied over the file, checked as written values are, findings naming the override.</summary>
public class OverrideTests
{
    private static SchemaResult Parse(string yaml, params string[] overrides) =>
        ExperimentSpecParser.Parse("e.yaml", yaml, overrides.Select(o => SettingOverride.Parse(o)!).ToArray());

    private static string[] Findings(string yaml, params string[] overrides)
    {
        var settings = overrides.Select(o => SettingOverride.Parse(o)!).ToArray();
        return [.. ExperimentSpecParser.Parse("e.yaml", yaml, settings).Diagnostics.Select(d => d.Format("e.yaml", settings))];
    }

    [Fact]
    public void An_override_replaces_the_written_value_and_stands_at_the_command_line()
    {
        var spec = Parse(Yaml.Mrpc, "training.learning_rate=3e-5").Spec!;

        Assert.Equal(3e-5, spec.Training.LearningRate);
        Assert.Equal(SourceLocation.CommandLine(0), spec.Locations.Find("training.learning_rate"));
        Assert.Equal(3, spec.Training.NumTrainEpochs);
    }

    [Fact]
    public void Overrides_add_keys_and_sections_the_file_does_not_write_and_take_any_yaml_value()
    {
        var spec = Parse(Yaml.Minimal, "tokenizer.max_length=64", "metrics=[accuracy, f1]", "training.seed=7", "training.seed=8").Spec!;

        Assert.Equal(64, spec.Tokenizer.MaxLength);
        Assert.Equal([MetricSpec.Of(MetricKind.Accuracy), MetricSpec.Of(MetricKind.F1)], spec.Metrics);
        Assert.Equal(8, spec.Training.Seed);
    }

    [Fact]
    public void A_mistake_in_an_override_is_reported_at_the_override()
    {
        Assert.Equal(
            [
                "--set training.learning_rat=1: error EK0101: unknown key 'learning_rat' in 'training'; did you mean 'learning_rate'?",
                "--set training.seed=fast: error EK0102: 'seed' must be an integer, got 'fast'",
            ],
            Findings(Yaml.Minimal, "training.learning_rat=1", "training.seed=fast"));
    }

    [Fact]
    public void An_override_that_contradicts_the_file_is_reported_at_the_override()
    {
        Assert.Equal(
            ["--set training.warmup_steps=10: error EK0203: set either 'warmup_ratio' (0.1) or 'warmup_steps' (10), not both"],
            Findings(Yaml.Minimal.Replace("training: {}", "training: {warmup_ratio: 0.1}", StringComparison.Ordinal), "training.warmup_steps=10"));
    }

    [Fact]
    public void A_value_that_is_not_yaml_is_a_syntax_finding_at_the_override()
    {
        var finding = Assert.Single(Findings(Yaml.Minimal, "metrics=[accuracy"));

        Assert.StartsWith("--set metrics=[accuracy: error EK0001: the value is not valid YAML: ", finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("learning_rate", null)]
    [InlineData("=3", null)]
    [InlineData("training..seed=3", null)]
    [InlineData("training.seed=", "training.seed=")]
    [InlineData(" training.seed = 3", "training.seed= 3")]
    public void Parse_needs_a_key_path_before_the_equals_sign(string text, string? expected) =>
        Assert.Equal(expected, SettingOverride.Parse(text)?.ToString());
}
