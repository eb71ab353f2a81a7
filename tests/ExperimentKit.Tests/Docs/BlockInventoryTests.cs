using Xunit.Abstractions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// The conventions hold for every fenced block of README.md and docs/ (docs/contributing-docs.md): each marker is one
/// the tests read, each "not run" gives its reason and matches a line, and a block in a language the tests do not
/// exercise is marked not run. Prints how many blocks are exercised and how many are not, and why.
/// </summary>
public sealed class BlockInventoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_block_is_exercised_or_marked_not_run_with_a_reason()
    {
        var problems = new List<string>();
        foreach (var block in DocFiles.Blocks)
        {
            problems.AddRange(block.Markers.OfType<UnknownMarker>().Select(m => $"{block.Where}: unknown marker <!--{m.Comment}-->; see docs/contributing-docs.md"));
            foreach (var notRun in block.Markers.OfType<NotRunMarker>())
            {
                if (!notRun.HasReason)
                {
                    problems.Add($"{block.Where}: <!--{notRun.Comment}--> gives no reason");
                }

                if (notRun.Prefix is { } prefix && (block.Kind != BlockKind.Shell || !ShellCommand.Of(block).Any(c => c.Text.StartsWith(prefix, StringComparison.Ordinal))))
                {
                    problems.Add($"{block.Where}: no command line starts with `{prefix}`, which <!--{notRun.Comment}--> names");
                }
            }

            if (block.Kind == BlockKind.Other && block.NotRun is null)
            {
                problems.Add($"{block.Where}: the tests do not run ```{block.Language} blocks; mark it <!-- not run: why -->");
            }
        }

        var commands = DocFiles.Blocks.Where(b => b.Kind == BlockKind.Shell).SelectMany(ShellCommand.Of).ToArray();
        output.WriteLine($"{DocFiles.Blocks.Count} blocks in {DocFiles.All.Count} files");
        foreach (var kind in DocFiles.Blocks.GroupBy(b => b.Kind).OrderBy(g => g.Key))
        {
            output.WriteLine(kind.Key == BlockKind.Text
                ? $"{kind.Key}: {kind.Count()} listings, {kind.Count(b => b.Output is not null)} with error lines checked, the rest not executed"
                : $"{kind.Key}: {kind.Count()} blocks, {kind.Count(b => b.NotRun is null)} exercised, {kind.Count(b => b.NotRun is not null)} not run");
        }

        output.WriteLine($"shell command lines: {commands.Length}, {commands.Count(c => c.NotRun is null)} run, {commands.Count(c => c.NotRun is not null)} not run:");
        foreach (var reason in commands.Where(c => c.NotRun is not null).GroupBy(c => c.NotRun!.Reason))
        {
            output.WriteLine($"  {reason.Count()} × {reason.Key}: {string.Join("; ", reason.Select(c => c.Where))}");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
