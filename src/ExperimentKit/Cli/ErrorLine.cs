using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>
/// A user's mistake as one line, `error: file:line:column: what is wrong and what would be valid`: written straight to the
/// console's writer, so no console width folds it into several lines (a log, grep and CI annotations read whole lines).
/// </summary>
internal static class ErrorLine
{
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    public static void Write(IAnsiConsole console, string message)
    {
        var label = console.Profile.Capabilities.Ansi ? $"{Red}error:{Reset}" : "error:";
        WriteFinding(console, $"{label} {message}");
    }

    /// <summary>A finding already in MSBuild's form (`file(line,col): error EKxxxx: ...`).</summary>
    public static void WriteFinding(IAnsiConsole console, string finding)
    {
        console.Profile.Out.Writer.WriteLine(finding.ReplaceLineEndings(" "));
        console.Profile.Out.Writer.Flush();
    }
}
