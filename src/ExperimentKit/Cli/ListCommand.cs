using System.CommandLine;
using ExperimentKit.Experiments;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>`list`: the experiments compiled into this program, by name and file.</summary>
internal static class ListCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("list", "List the experiments compiled into this program (every file in experiments/).");
        command.SetAction(_ => Print(console));
        return command;
    }

    public static int Print(IAnsiConsole console)
    {
        foreach (var registration in ExperimentRegistry.All)
        {
            console.WriteLine($"{registration.Name,-24} {registration.SourceFile}");
        }

        return ExitCodes.Success;
    }
}
