using System.CommandLine;
using ExperimentKit.Torch;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>
/// The program's commands on System.CommandLine: `dotnet run -- experiments/mrpc.yaml` (short for `run experiments/mrpc.yaml`), `run`,
/// `predict`, `sweep`, `sweep collect`, `list`, `pipeline` and `new`, each with `--help` and tab completion (the `[suggest]` directive
/// that dotnet-suggest uses). A malformed command line prints `error:` lines and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        // Before anything can load LibTorch: every command trains or infers with its OpenMP threads.
        _ = OpenMpWaitPolicy.PreferPassive();
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes have no width: keep each event on one line instead of wrapping at 80 columns.
            console.Profile.Width = 200;
        }

        return Run(args, console);
    }

    public static int Run(string[] args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = ProgramCommands.Create(console);
        var parsed = root.Parse(ProgramCommands.WithDefaultCommand(root, args));
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                ErrorLine.Write(console, error.Message);
            }

            ErrorLine.WriteFinding(console, $"see: dotnet run -- {string.Concat(CommandPath(parsed.CommandResult).Select(name => name + " "))}--help");
            return ExitCodes.BadInput;
        }

        var writer = console.Profile.Out.Writer;
        // Ctrl+C or SIGTERM cancels a command's token; a sweep then stops its trials and writes its summary before exiting.
        return parsed.Invoke(new InvocationConfiguration { Output = writer, Error = writer, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>`sweep collect` for the collect command: the words that lead from the root to a command.</summary>
    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult command) =>
        command.Parent is System.CommandLine.Parsing.CommandResult parent ? [.. CommandPath(parent), command.Command.Name] : [];
}
