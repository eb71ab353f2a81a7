using System.Text.RegularExpressions;
using ExperimentKit.Schema;

namespace ExperimentKit.Tests.Cli;

/// <summary>
/// docs/errors.md lists every EK id the code reports and no other: the schema's rule table, the generator's descriptors
/// and release tracking, and the runtime's ids, found as literals in the sources. Each row shows the id in its example and says what to do.
/// </summary>
public sealed partial class ErrorTableTests
{
    private static readonly string Root = TestData.RepositoryRoot;

    private static readonly string[] Rows = [.. File.ReadLines(Path.Combine(Root, "docs", "errors.md")).Where(line => Row().IsMatch(line))];

    [Fact]
    public void The_table_and_the_code_list_the_same_ek_ids()
    {
        var documented = Rows.Select(row => Row().Match(row).Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        var reported = SchemaRules.All.Select(rule => rule.Id).Concat(IdsInSources()).ToHashSet(StringComparer.Ordinal);

        Assert.True(documented.Count == Rows.Length, "an id has two rows in docs/errors.md");
        Assert.True(reported.Except(documented).Order(StringComparer.Ordinal).ToArray() is [], $"reported but not in docs/errors.md: {string.Join(", ", reported.Except(documented))}");
        Assert.True(documented.Except(reported).Order(StringComparer.Ordinal).ToArray() is [], $"in docs/errors.md but reported nowhere: {string.Join(", ", documented.Except(reported))}");
    }

    [Fact]
    public void Each_row_shows_its_id_in_an_example_and_says_what_to_do()
    {
        Assert.NotEmpty(Rows);
        foreach (var row in Rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            var id = cells[0];
            Assert.True(cells.Length == 4, $"{id}: id, what, example and fix");
            Assert.True(cells[2].Contains($"error {id}: ", StringComparison.Ordinal), $"{id}: the example is not an {id} line");
            Assert.True(cells[3].Length > 0, $"{id}: no fix");
        }
    }

    /// <summary>Every quoted EK id in the C# sources and the generator's release tracking.</summary>
    private static IEnumerable<string> IdsInSources() =>
        new[] { "src", "generators" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("AnalyzerReleases", StringComparison.Ordinal))
            .SelectMany(path => SourceId().Matches(File.ReadAllText(path)).Select(match => match.Groups["id"].Value));

    [GeneratedRegex(@"^\| (?<id>EK\d{4}) \|")]
    private static partial Regex Row();

    [GeneratedRegex(@"(?:""|^)(?<id>EK\d{4})\b", RegexOptions.Multiline)]
    private static partial Regex SourceId();
}
