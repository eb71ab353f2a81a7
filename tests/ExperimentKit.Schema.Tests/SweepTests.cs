using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Sweeps;

namespace ExperimentKit.Schema.Tests;

/// <summary>
/// The `sweep:` section: its trials in a fixed order, and every swept value checked as a written value is, with the
/// finding at the value in the sweep.
/// </summary>
public class SweepTests
{
    /// <summary><see cref="Yaml.Minimal"/> (lines 1–5) with a sweep from line 6.</summary>
    private static string WithSweep(string sweep) => Yaml.Minimal + "sweep:\n" + sweep;

    private static IReadOnlyList<string> Trials(string sweep)
    {
        var result = ExperimentSpecParser.Parse("e.yaml", WithSweep(sweep));
        Assert.Empty(result.Diagnostics);
        return SweepPoints.Of(result.Sweep!).Select(p => p.ToString()).ToArray();
    }

    [Fact]
    public void A_grid_runs_every_combination_the_last_setting_fastest_each_with_every_seed()
    {
        var trials = Trials("""
              parameters:
                training.learning_rate: [2.0e-5, 5.0e-5]
                training.per_device_train_batch_size: [16, 32]
              seeds: [42, 1]

            """);

        Assert.Equal(
            [
                "training.learning_rate=2.0e-5 training.per_device_train_batch_size=16 training.seed=42",
                "training.learning_rate=2.0e-5 training.per_device_train_batch_size=16 training.seed=1",
                "training.learning_rate=2.0e-5 training.per_device_train_batch_size=32 training.seed=42",
                "training.learning_rate=2.0e-5 training.per_device_train_batch_size=32 training.seed=1",
                "training.learning_rate=5.0e-5 training.per_device_train_batch_size=16 training.seed=42",
                "training.learning_rate=5.0e-5 training.per_device_train_batch_size=16 training.seed=1",
                "training.learning_rate=5.0e-5 training.per_device_train_batch_size=32 training.seed=42",
                "training.learning_rate=5.0e-5 training.per_device_train_batch_size=32 training.seed=1",
            ],
            trials);
    }

    [Fact]
    public void Without_seeds_each_configuration_runs_once_with_the_experiments_seed()
    {
        Assert.Equal(["metrics=[accuracy, f1]", "metrics=[accuracy]"], Trials("  parameters:\n    metrics: [[accuracy, f1], [accuracy]]\n"));
    }

    [Fact]
    public void A_random_sweep_draws_the_same_trials_from_the_same_seed_within_the_bounds()
    {
        const string sweep = """
              method: random
              num_trials: 20
              seed: 3
              parameters:
                training.learning_rate: {distribution: loguniform, low: 1.0e-5, high: 1.0e-3}
                training.warmup_ratio: {distribution: uniform, low: 0.0, high: 0.2}
                training.num_train_epochs: {distribution: int, low: 1, high: 3}
                training.per_device_train_batch_size: {distribution: choice, values: [16, 32]}

            """;

        var first = Trials(sweep);
        var again = Trials(sweep);
        var otherSeed = Trials(sweep.Replace("seed: 3", "seed: 4", StringComparison.Ordinal));

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        var specs = ExperimentSpecParser.Parse("e.yaml", WithSweep(sweep)) is { Sweep: { } s }
            ? SweepPoints.Of(s).Select(p => ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal, [.. p.Settings.Select(x => x.ToOverride())]).Spec!).ToArray()
            : [];
        Assert.Equal(20, specs.Length);
        Assert.All(specs, spec => Assert.InRange(spec.Training.LearningRate, 1e-5, 1e-3));
        Assert.All(specs, spec => Assert.InRange(spec.Training.WarmupRatio, 0.0, 0.2));
        Assert.Equal([1, 2, 3], specs.Select(spec => (int)spec.Training.NumTrainEpochs).Distinct().Order());
        Assert.Equal([16, 32], specs.Select(spec => spec.Training.PerDeviceTrainBatchSize).Distinct().Order());
    }

    [Fact]
    public void A_swept_value_that_is_not_valid_fails_at_that_element_with_the_written_values_message()
    {
        Assert.Equal(
            ["e.yaml(8,46): error EK0102: 'learning_rate' must be a number, got 'fast'"],
            Parsed.Findings(WithSweep("  parameters:\n    training.learning_rate: [1.0e-5, 2.0e-5, fast]\n")));
    }

    [Fact]
    public void A_swept_setting_that_does_not_exist_is_named_at_its_key_with_did_you_mean()
    {
        Assert.Equal(
            ["e.yaml(8,5): error EK0101: unknown key 'learnin_rate' in 'training'; did you mean 'learning_rate'?"],
            Parsed.Findings(WithSweep("  parameters:\n    training.learnin_rate: [1.0e-5]\n")));
    }

    [Fact]
    public void A_combination_that_does_not_fit_is_named_at_a_value_it_involves()
    {
        var findings = Parsed.Findings(WithSweep("  parameters:\n    training.warmup_steps: [0, 10]\n    training.warmup_ratio: [0.1]\n"));

        Assert.Equal(["e.yaml(8,32): error EK0203: set either 'warmup_ratio' (0.1) or 'warmup_steps' (10), not both"], findings);
    }

    [Fact]
    public void A_finding_away_from_the_swept_values_names_the_combination_at_its_first_value()
    {
        var findings = Parsed.Findings(WithSweep("  parameters:\n    training.eval_strategy: [epoch, 'no']\n").Replace("training: {}", "training: {load_best_model_at_end: true, eval_strategy: epoch, save_strategy: epoch}", StringComparison.Ordinal));

        Assert.StartsWith("e.yaml(8,37): error EK0203: with training.eval_strategy='no': ", Assert.Single(findings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_random_draw_out_of_range_fails_the_build_at_its_distribution()
    {
        var findings = Parsed.Findings(WithSweep("  method: random\n  num_trials: 4\n  parameters:\n    training.warmup_ratio: {distribution: uniform, low: 0.5, high: 2.0}\n"));

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("e.yaml(10,5): error EK0205: 'warmup_ratio'", f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("training.seed: [1, 2]", "e.yaml(8,5): error EK0206: 'training.seed' cannot be swept: seeds are swept by the sweep's 'seeds: [...]'")]
    [InlineData("training.output_dir: [a, b]", "e.yaml(8,5): error EK0206: 'training.output_dir' cannot be swept")]
    [InlineData("task: [sequence_classification, token_classification]", "e.yaml(8,")]
    [InlineData("dataset.label_names: [[a, b], [a, b, c]]", "e.yaml(8,27): error EK0206: dataset.label_names=[a, b] changes dataset.label_names,")]
    public void Settings_the_sweep_or_the_compiled_types_fix_cannot_be_swept(string parameter, string expected)
    {
        var findings = Parsed.Findings(WithSweep($"  parameters:\n    {parameter}\n"));

        Assert.Contains(findings, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  parameters:\n    training.learning_rate: [1.0e-5, 1.0e-5]\n", "e.yaml(8,38): error EK0104: 'training.learning_rate' lists 1.0e-5 twice")]
    [InlineData("  parameters:\n    training.learning_rate: [1.0e-5]\n  seeds: [1, 2, 1]\n", "e.yaml(9,17): error EK0104: seed 1 is listed twice")]
    [InlineData("  method: random\n  parameters:\n    training.learning_rate: [1.0e-5]\n", "e.yaml(7,3): error EK0103: a random sweep needs 'num_trials'")]
    [InlineData("  parameters:\n    training.learning_rate: {distribution: uniform, low: 0, high: 1}\n", "e.yaml(8,29): error EK0203: a grid tries listed values")]
    [InlineData("  method: random\n  num_trials: 2\n  parameters:\n    training.learning_rate: {distribution: loguniform, low: 0, high: 1}\n", "e.yaml(10,61): error EK0205: a loguniform distribution needs 'low' above 0")]
    [InlineData("  method: random\n  num_trials: 2\n  parameters:\n    training.learning_rate: {distribution: normal, low: 0, high: 1}\n", "e.yaml(10,44): error EK0102: 'distribution' must be one of choice, uniform, log_uniform, int, loguniform, got 'normal'")]
    [InlineData("  paramters:\n    training.learning_rate: [1.0e-5]\n", "e.yaml(7,3): error EK0101: unknown key 'paramters' in 'sweep'; did you mean 'parameters'?")]
    [InlineData("  parameters:\n    training.learning_rate: [1.0e-5]\n    training.learning_rate: [2.0e-5]\n", "e.yaml(9,5): error EK0104: 'training.learning_rate' is swept twice")]
    public void Mistakes_in_the_sweep_section_are_located(string sweep, string expected)
    {
        Assert.Contains(Parsed.Findings(WithSweep(sweep)), f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_of_the_sweep_is_checked_like_the_file()
    {
        var settings = new[] { SettingOverride.Parse("sweep.seeds=[5, 6]")! };
        var result = ExperimentSpecParser.Parse("e.yaml", WithSweep("  parameters:\n    training.learning_rate: [1.0e-5]\n  seeds: [1]\n"), settings);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["5", "6"], result.Sweep!.Seeds.Select(s => s.Text));
    }

    [Fact]
    public void A_file_without_a_sweep_has_none()
    {
        Assert.Null(ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal).Sweep);
    }
}
