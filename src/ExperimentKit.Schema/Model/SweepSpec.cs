namespace ExperimentKit.Schema.Model;

/// <summary>How a sweep chooses its points: every combination of the listed values, or draws from distributions.</summary>
public enum SweepMethod
{
    Grid,
    Random,
}

/// <summary>What a random sweep draws a setting from (a grid's values are a <see cref="Choice"/>).</summary>
public enum SweepDistribution
{
    Choice,
    Uniform,
    LogUniform,
    Int,
}

/// <summary>One value of a swept setting as YAML text (a scalar, or a flow list such as `[accuracy, f1]`), and where it is written.</summary>
public readonly record struct SweptValue(string Text, SourceLocation Location);

/// <summary>
/// One swept setting, by its key path as `--set` spells it (training.learning_rate). A choice lists its values; the
/// other distributions draw between <paramref name="Low"/> and <paramref name="High"/> (inclusive for int).
/// </summary>
public sealed record SweepParameter(string Path, SourceLocation Location, SweepDistribution Distribution, EquatableArray<SweptValue> Values, double Low, double High);

/// <summary>
/// The `sweep:` section: the points to run (grid or random), each crossed with every seed of <paramref name="Seeds"/>
/// (empty: the experiment's own training.seed). A random sweep draws <paramref name="NumTrials"/> points with its own
/// <paramref name="SamplerSeed"/>, so the same file always gives the same trials.
/// </summary>
public sealed record SweepSpec(
    SweepMethod Method,
    EquatableArray<SweepParameter> Parameters,
    EquatableArray<SweptValue> Seeds,
    int NumTrials,
    int SamplerSeed,
    SourceLocation Location);
