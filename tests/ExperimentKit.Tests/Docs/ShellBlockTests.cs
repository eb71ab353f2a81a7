using Xunit.Abstractions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// Every command line of every ```bash / ```sh block of README.md and docs/ runs, page by page, as written (with the
/// shrinking overrides of <see cref="Shrink"/> when it trains), and ends as the page says: exit code 0, or the code and
/// text of a `# exit code N: ...` comment under it; `# prints: ...` lines must appear in what it printed. A line the tests
/// cannot run (another program, a cluster, a GPU, hours) must be marked `&lt;!-- not run: reason --&gt;` (the block) or
/// `&lt;!-- not run `prefix`: reason --&gt;` (its lines that start with prefix).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ShellBlockTests(DocsWorkspace workspace, ITestOutputHelper output) : IClassFixture<DocsWorkspace>
{
    public static TheoryData<string> Pages => [.. DocFiles.All.Where(file => Commands(file).Any())];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_command_of_the_page_runs_as_written(string file)
    {
        var page = new DocPage(workspace, file);
        foreach (var command in Commands(file))
        {
            if (command.NotRun is { } notRun)
            {
                Assert.True(notRun.HasReason, $"{command.Where}: `{command.Text}` is marked not run without a reason: <!-- not run: why -->");
                output.WriteLine($"not run   {command.Where}  {command.Text}  ({notRun.Reason})");
                continue;
            }

            var runnable = CommandLineRewrite.ToRunnable(command.Text);
            var others = CommandLineRewrite.Programs(runnable).Where(p => p != "ek" && !CommandLineRewrite.SafePrograms.Contains(p)).ToArray();
            Assert.True(
                others.Length == 0,
                $"{command.Where}: `{command.Text}` runs {string.Join(", ", others)}, which the docs tests do not run; "
                + $"mark it <!-- not run `{command.Text.Split(' ')[0]}`: why --> above the block (or use `dotnet run -- ...`)");

            var (exitCode, printed) = page.Run(command);
            output.WriteLine($"ran       {command.Where}  {command.Text}  (exit code {exitCode})");
            var tail = string.Join('\n', printed.Split('\n').TakeLast(40));
            Assert.True(exitCode == command.ExpectedExitCode, $"{command.Where}: `{command.Text}` exited with {exitCode}, the page says {command.ExpectedExitCode}:\n{tail}");
            foreach (var expected in command.ExpectedOutput)
            {
                Assert.True(printed.Contains(expected, StringComparison.Ordinal), $"{command.Where}: `{command.Text}` did not print `{expected}`:\n{tail}");
            }
        }

        foreach (var timing in workspace.Timings.Where(t => t.Contains($"  {file}:", StringComparison.Ordinal) || t.Contains("  fixture ", StringComparison.Ordinal)))
        {
            output.WriteLine(timing);
        }
    }

    private static IEnumerable<ShellCommand> Commands(string file) =>
        DocFiles.Blocks.Where(b => b.File == file && b.Kind == BlockKind.Shell).SelectMany(ShellCommand.Of);
}
