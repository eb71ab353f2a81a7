using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>A YAML text as a file named e.yaml: its findings as the compiler prints them, or its spec when it has none.</summary>
internal static class Parsed
{
    public static string[] Findings(string yaml) =>
        [.. ExperimentSpecParser.Parse("e.yaml", yaml).Diagnostics.Select(d => d.Format("e.yaml"))];

    public static ExperimentSpec Spec(string yaml)
    {
        var result = ExperimentSpecParser.Parse("e.yaml", yaml);
        Assert.Empty(result.Diagnostics);
        return result.Spec!;
    }
}
