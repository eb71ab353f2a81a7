using System.Text.RegularExpressions;
using ExperimentKit.Schema;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// Every ```yaml block of README.md and docs/ is checked by the parser and validator the build runs
/// (<see cref="ExperimentSpecParser"/>): a complete experiment (a top-level `name:`) must have no finding; a fragment says
/// `&lt;!-- yaml: merged over experiments/x.yaml --&gt;` (optionally `, replacing dataset`) and the merge must have none;
/// `, fails EK0101` (or `fails EK0101` alone) expects that finding instead; `excerpt of experiments/x.yaml` must be a
/// verbatim part of that file (which the build compiles); other YAML says `checked by SomeTests`, or is not run with a reason.
/// </summary>
public sealed partial class YamlBlockTests
{
    public static TheoryData<string> Blocks => [.. DocFiles.Blocks.Where(b => b.Kind == BlockKind.Yaml).Select(b => b.Where)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_yaml_block_is_a_valid_experiment_or_says_what_checks_it(string where)
    {
        var block = DocFiles.Blocks.Single(b => b.Where == where);
        if (block.NotRun is { } notRun)
        {
            Assert.True(notRun.HasReason, $"{where}: <!-- not run: --> needs a reason");
            return;
        }

        var marker = YamlMarkerText.Parse(block.Yaml);
        Assert.True(block.Yaml is null || marker is not null, $"{where}: cannot read <!-- yaml: {block.Yaml} -->; see docs/contributing-docs.md");
        if (marker?.CheckedBy is { } checkedBy)
        {
            Assert.True(TestClasses.Missing(checkedBy).ToArray() is [], $"{where}: <!-- yaml: checked by {checkedBy} --> names no test class {string.Join(", ", TestClasses.Missing(checkedBy))}");
            return;
        }

        if (marker?.ExcerptOf is { } excerptOf)
        {
            var file = DocFiles.PathOf(excerptOf);
            Assert.True(File.Exists(file), $"{where}: {excerptOf} does not exist");
            Assert.True(File.ReadAllText(file).Contains(block.Text, StringComparison.Ordinal), $"{where}: the block is no longer a verbatim part of {excerptOf}; copy it again");
        }

        var complete = marker?.MergedOver is not null || TopLevelName().IsMatch(block.Text);
        if (!complete)
        {
            Assert.True(
                marker?.ExcerptOf is not null,
                $"{where}: this YAML is not a complete experiment (no top-level name:). Mark it: <!-- yaml: merged over experiments/<x>.yaml --> for a fragment, "
                + "<!-- yaml: excerpt of <file> --> for a part of a file, <!-- yaml: checked by <SomeTests> --> for YAML that is not an experiment, or <!-- not run: why -->");
            return;
        }

        var result = Parse(block, marker);
        var findings = string.Join('\n', result.Diagnostics.Select(d => d.Format("experiments/docs-example.yaml")));
        if (marker?.Fails is { } id)
        {
            Assert.True(result.Spec is null && result.Diagnostics.Any(d => d.Id == id), $"{where}: the page says it fails with {id}; the build reports:\n{(findings.Length == 0 ? "nothing" : findings)}");
        }
        else
        {
            Assert.True(result.Diagnostics.Count == 0, $"{where}: the build reports:\n{findings}");
        }
    }

    /// <summary>What the build reports for the block (merged over its base when the marker says so), as experiments/docs-example.yaml or <paramref name="path"/>.</summary>
    internal static SchemaResult Parse(FencedBlock block, YamlMarkerText? marker, string path = "experiments/docs-example.yaml")
    {
        var text = marker?.MergedOver is { } baseFile
            ? YamlMerge.Over(File.ReadAllText(DocFiles.PathOf(baseFile)), block.Text, marker.Replacing)
            : block.Text;
        return ExperimentSpecParser.Parse(path, text);
    }

    [GeneratedRegex(@"^name:", RegexOptions.Multiline)]
    private static partial Regex TopLevelName();
}
