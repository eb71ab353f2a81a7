using System.CommandLine;
using ExperimentKit.Experiments;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>The command tree: run, predict, sweep (with collect), list, pipeline and new under the root.</summary>
internal static class ProgramCommands
{
    public static RootCommand Create(IAnsiConsole console)
    {
        var root = new RootCommand("ExperimentKit: fine-tune and evaluate BERT-family transformers as one YAML file declares.\n"
            + "`dotnet run -- experiments/mrpc.yaml [options]` is short for `dotnet run -- run experiments/mrpc.yaml [options]`.");
        var list = new Option<bool>("--list") { Description = "List the compiled experiments (the same as the list command)." };
        root.Add(list);
        root.SetAction(result =>
        {
            if (result.GetValue(list))
            {
                return ListCommand.Print(console);
            }

            ErrorLine.Write(console, "name an experiment file (dotnet run -- experiments/mrpc.yaml) or a command; see dotnet run -- --help");
            return ExitCodes.BadInput;
        });

        root.Add(RunCommand.Create(console));
        root.Add(PredictCommand.Create(console));
        root.Add(SweepCommand.Create(console));
        root.Add(ListCommand.Create(console));
        root.Add(PipelineCommand.Create(console));
        root.Add(NewCommand.Create(console));
        return root;
    }

    /// <summary>
    /// `x.yaml --set ...` as `run x.yaml --set ...`: a first word that is neither a command nor an option names an
    /// experiment to run (the form README's main job uses).
    /// </summary>
    public static string[] WithDefaultCommand(RootCommand root, string[] args) =>
        args is [var first, ..] && !first.StartsWith('-') && !first.StartsWith('[') && root.Subcommands.All(c => c.Name != first)
            ? ["run", .. args]
            : args;

    /// <summary>Tab completion of an experiment argument: the compiled experiment files.</summary>
    public static Argument<string> WithExperimentCompletions(this Argument<string> argument)
    {
        argument.HelpName = "experiment";
        argument.CompletionSources.Add(_ => ExperimentRegistry.All.Select(r => r.SourceFile));
        return argument;
    }
}
