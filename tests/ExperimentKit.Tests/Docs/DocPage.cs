using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// The commands of one Markdown page, run in order in the page's own work folder, so a later command finds what an
/// earlier one made. Placeholders name run folders: `runs/x/&lt;run&gt;` is the newest whole run under runs/x (an
/// earlier command's, else a fixture run of experiments/x.yaml), `runs/x/&lt;run&gt;.incomplete` an interrupted run and
/// `.../checkpoints/checkpoint-&lt;step&gt;` its last checkpoint; `--resume` alone gets an interrupted run to continue.
/// </summary>
internal sealed partial class DocPage(DocsWorkspace workspace, string file)
{
    private readonly string folder = workspace.NewWorkFolder(file);

    /// <summary>Runs the command and returns what it printed; null with the reason when it cannot be run as written.</summary>
    public (int ExitCode, string Output) Run(ShellCommand command)
    {
        var runnable = Substitute(CommandLineRewrite.ToRunnable(command.Text));
        return workspace.Bash(folder, runnable, command.Where, TimeSpan.FromMinutes(4));
    }

    private string Substitute(string line)
    {
        line = Interrupted().Replace(line, match =>
        {
            var run = EnsureInterrupted(match.Groups["dir"].Value);
            var relative = Path.GetRelativePath(folder, run);
            return match.Groups["checkpoint"].Success ? Path.Combine(relative, "checkpoints", Path.GetFileName(RunFolders.Checkpoints(run)[^1])) : relative;
        });
        line = Finished().Replace(line, match => Path.GetRelativePath(folder, EnsureFinished(match.Groups["dir"].Value)));
        if (BareResume().IsMatch(line) && Experiment().Match(line) is { Success: true } experiment)
        {
            EnsureInterrupted(DocsWorkspace.OutputDir(experiment.Value));
        }

        var unknown = Placeholder().Match(line);
        Assert.False(unknown.Success, $"{file}: the placeholder {unknown.Value} in `{line}` is not one the docs tests fill in (<run>, <run>.incomplete, checkpoint-<step>); write a real value or mark the line not run");
        return line;
    }

    private string EnsureFinished(string outputDir)
    {
        var local = Path.Combine(folder, outputDir);
        if (RunFolders.LatestFinished(local) is { } run)
        {
            return run;
        }

        var fixture = workspace.FixtureRun(Path.GetFileName(outputDir));
        var copy = Path.Combine(local, Path.GetFileName(fixture));
        RunFolders.Copy(fixture, copy);
        return copy;
    }

    private string EnsureInterrupted(string outputDir) =>
        RunFolders.LatestInterrupted(Path.Combine(folder, outputDir)) ?? RunFolders.Interrupt(EnsureFinished(outputDir));

    [GeneratedRegex(@"(?<dir>runs/[A-Za-z0-9_.-]+)/<run>\.incomplete(?<checkpoint>/checkpoints/checkpoint-<step>)?")]
    private static partial Regex Interrupted();

    [GeneratedRegex(@"(?<dir>runs/[A-Za-z0-9_.-]+)/<run>")]
    private static partial Regex Finished();

    [GeneratedRegex(@"--resume\s*(?:$|--|\|)")]
    private static partial Regex BareResume();

    [GeneratedRegex(@"experiments/[A-Za-z0-9_.-]+\.yaml")]
    private static partial Regex Experiment();

    [GeneratedRegex(@"<[A-Za-z][A-Za-z0-9 _.-]*>")]
    private static partial Regex Placeholder();
}
