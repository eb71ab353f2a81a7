using System;
using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>"did you mean" by edit distance (optimal string alignment: a swapped pair of letters counts once).</summary>
internal static class Suggestions
{
    public static string? Closest(string written, IEnumerable<string> candidates) => ClosestName.Of(written, candidates);

    /// <summary>"; did you mean 'x'?" or "; valid: a, b, c" — the tail every unknown-name message ends with.</summary>
    public static string Hint(string written, IReadOnlyCollection<string> candidates)
    {
        var closest = Closest(written, candidates);
        return closest is null ? "; valid: " + string.Join(", ", candidates) : $"; did you mean '{closest}'?";
    }

    /// <summary>"; did you mean 'x'?" for a written scalar close to one of a value type's choices; empty otherwise.</summary>
    public static string ForValue(YamlNode node, IEnumerable<string>? choices) =>
        node is YamlScalar { IsNull: false } written && choices is not null && Closest(written.Value, choices) is { } closest
            ? $"; did you mean '{closest}'?"
            : string.Empty;
}
