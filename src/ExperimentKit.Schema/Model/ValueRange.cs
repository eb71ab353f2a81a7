using System.Globalization;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The numbers a key accepts on its own, declared on the key: the validator checks them (EK0205) and the JSON Schema
/// writes them as minimum / maximum, so an editor refuses what the build refuses. Rules between keys stay in the validator.
/// </summary>
/// <param name="Requirement">What the message says the value must be: "'key' must be {Requirement}, got 0".</param>
public sealed record ValueRange(double? Minimum, bool MinimumExclusive, double? Maximum, bool MaximumExclusive, string Requirement)
{
    public static ValueRange Positive { get; } = new(1, false, null, false, "a positive integer");

    public static ValueRange GreaterThanZero { get; } = new(0, true, null, false, "greater than 0");

    public static ValueRange AtLeastZero { get; } = new(0, false, null, false, "0 or more");

    /// <summary>Dropouts and label smoothing: 1 would drop (or smooth) everything.</summary>
    public static ValueRange Probability { get; } = new(0, false, 1, true, "in [0, 1)");

    public static ValueRange UnitInterval { get; } = new(0, false, 1, false, "in [0, 1]");

    public static ValueRange OpenUnitInterval { get; } = new(0, true, 1, true, "between 0 and 1 (exclusive)");

    /// <summary>A value outside the bounds that the key takes all the same (max_steps' -1: "derive it").</summary>
    public double? Sentinel { get; init; }

    public bool Contains(double value) =>
        value == Sentinel
        || ((Minimum is not { } min || (MinimumExclusive ? value > min : value >= min))
            && (Maximum is not { } max || (MaximumExclusive ? value < max : value <= max)));

    public string Message(string key, double value) =>
        $"'{key}' must be {Requirement}, got {value.ToString("R", CultureInfo.InvariantCulture)}";
}
