using System.Globalization;

namespace ExperimentKit.Data.Records;

/// <summary>The column being read (and, inside a list, the element), so a bad value's error names where it is.</summary>
/// <param name="Element">The 1-based element of a list column, when the value is one.</param>
internal readonly record struct FieldRef(string File, RecordPosition Position, string Column, int? Element = null)
{
    public FieldRef At(int element) => this with { Element = element };

    public DataFormatException Fail(string problem) => new(
        File,
        Position,
        Column,
        Element is { } element ? $"element {element.ToString(CultureInfo.InvariantCulture)}: {problem}" : problem);
}
