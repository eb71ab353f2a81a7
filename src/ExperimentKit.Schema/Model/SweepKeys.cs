using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `sweep:` section's keys (<see cref="SweepSpec"/> holds them), and the keys of one setting's distribution in a
/// random sweep. The parser reads the section by these, and the JSON Schema is written from them.
/// </summary>
public static class SweepKeys
{
    public static SectionKey Method { get; } = Choice<SweepMethod>("method", "grid: every combination of the listed values (the last setting changing fastest); random: num_trials points drawn from the distributions.");

    public static SectionKey Parameters { get; } = Mapping("parameters", "The settings to vary, by their --set path (training.learning_rate): a list of values, or (random) a distribution.") with { Required = true };

    public static SectionKey Seeds { get; } = List("seeds", "Every configuration runs once per seed (training.seed); without it, once with the experiment's seed.");

    public static SectionKey NumTrials { get; } = Integer("num_trials", "A random sweep's number of points drawn.") with { Range = ValueRange.Positive };

    public static SectionKey Seed { get; } = Integer("seed", "The seed of a random sweep's draws: the same file always draws the same trials.");

    public static SectionKey[] All { get; } = [Method, Parameters, Seeds, NumTrials, Seed];

    /// <summary>One swept setting's distribution in a random sweep: `{distribution: log_uniform, low: 1.0e-5, high: 1.0e-3}`.</summary>
    public static class Distribution
    {
        public static SectionKey Kind { get; } = Choice<SweepDistribution>("distribution", "What the value is drawn from: choice (from values), uniform, log_uniform or int (between low and high, both included for int).", ("loguniform", SweepDistribution.LogUniform)) with { Required = true };

        public static SectionKey Values { get; } = List("values", "A choice's values.");

        public static SectionKey Low { get; } = Number("low", "The smallest value drawn (log_uniform: above 0).");

        public static SectionKey High { get; } = Number("high", "The largest value drawn.");

        public static SectionKey[] All { get; } = [Kind, Values, Low, High];
    }
}
