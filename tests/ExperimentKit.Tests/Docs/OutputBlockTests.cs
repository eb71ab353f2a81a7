using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// A listing (``` or ```text) that shows errors says where they come from: `&lt;!-- output: of the yaml block above --&gt;`
/// (every line is what the build reports for the nearest ```yaml block above it, exactly, in order), or
/// `&lt;!-- output: checked by SomeTests --&gt;` naming the tests that check those messages. Listings without an error line
/// are not executed.
/// </summary>
public sealed partial class OutputBlockTests
{
    public static TheoryData<string> Blocks => [.. DocFiles.Blocks.Where(b => b.Kind == BlockKind.Text && ErrorLine().IsMatch(b.Text)).Select(b => b.Where)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Errors_shown_on_a_page_are_what_the_code_reports(string where)
    {
        var block = DocFiles.Blocks.Single(b => b.Where == where);
        Assert.True(block.Output is not null, $"{where}: this listing shows errors; say where they come from: <!-- output: of the yaml block above --> or <!-- output: checked by SomeTests -->");
        if (block.Output!.StartsWith("checked by ", StringComparison.Ordinal))
        {
            var names = block.Output["checked by ".Length..];
            Assert.True(TestClasses.Missing(names).ToArray() is [], $"{where}: no test class {string.Join(", ", TestClasses.Missing(names))}");
            return;
        }

        Assert.True(block.Output == "of the yaml block above", $"{where}: unknown <!-- output: {block.Output} -->");
        var yaml = DocFiles.Blocks.LastOrDefault(b => b.File == block.File && b.Line < block.Line && b.Kind == BlockKind.Yaml);
        Assert.True(yaml is not null, $"{where}: no yaml block above it on the page");
        var shown = block.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var path = Diagnostic().Match(shown[0]) is { Success: true } first ? first.Groups["file"].Value : "experiments/x.yaml";
        var reported = YamlBlockTests.Parse(yaml!, YamlMarkerText.Parse(yaml!.Yaml), path).Diagnostics.Select(d => d.Format(path)).ToArray();
        Assert.True(shown.SequenceEqual(reported), $"{where}: the page shows\n{string.Join('\n', shown)}\nbut the build reports for {yaml.Where}:\n{string.Join('\n', reported)}");
    }

    [GeneratedRegex(@"(?m)^(?:error:|\S+\(\d+,\d+\): error EK\d{4}:)")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^(?<file>\S+)\(\d+,\d+\): error EK\d{4}:")]
    private static partial Regex Diagnostic();
}
