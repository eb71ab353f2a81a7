using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>The test classes of the repository's test projects, by name, for markers that say a block is checked by one.</summary>
internal static partial class TestClasses
{
    private static readonly Lazy<HashSet<string>> Names = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Declaration().Matches(File.ReadAllText(path)).Select(m => m.Groups["name"].Value))]);

    /// <summary>`A and B` or `A, B`: every name must be a test class.</summary>
    public static IEnumerable<string> Missing(string names) =>
        names.Split([" and ", ","], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(name => !Names.Value.Contains(name));

    [GeneratedRegex(@"\bclass\s+(?<name>[A-Za-z0-9_]+Tests)\b")]
    private static partial Regex Declaration();
}
