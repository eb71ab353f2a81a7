using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// A documented command line as the docs tests run it: `dotnet run -- ...` (and `dotnet &lt;folder&gt;/ExperimentKit.Cli.dll ...`,
/// the build a cluster recipe runs) becomes `ek ...`, the compiled program (<see cref="DocsWorkspace"/>); every other program
/// must be one that is cheap and safe to run here, or the line must be marked not run.
/// </summary>
internal static partial class CommandLineRewrite
{
    /// <summary>Programs a documented line may use besides the program itself: they read and write only the page's work folder.</summary>
    public static IReadOnlySet<string> SafePrograms { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "echo", "printf", "cat", "ls", "head", "tail", "wc", "grep", "jq", "mkdir", "cp", "sort", "test", "true", "diff", "find", "du",
    };

    public static string ToRunnable(string command) => Program().Replace(command, "ek ");

    /// <summary>The programs a rewritten line starts, one per pipeline stage (environment assignments skipped).</summary>
    public static IEnumerable<string> Programs(string runnable) =>
        Stage().Split(runnable)
            .Select(stage => stage.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(word => Assignment().IsMatch(word)).FirstOrDefault())
            .Where(program => program is not null)!;

    [GeneratedRegex(@"\bdotnet (?:run (?:--no-build )?-- |\S*ExperimentKit\.Cli\.dll )")]
    private static partial Regex Program();

    [GeneratedRegex(@"\|\||&&|[|;]")]
    private static partial Regex Stage();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();
}
