using System.CommandLine;
using ExperimentKit.Experiments;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>The command tree: the root runs an experiment file, as `run` does; the rest are subcommands.</summary>
internal static class ProgramCommands
{
    public static RootCommand Create(IAnsiConsole console)
    {
        var root = new RootCommand("ExperimentKit: fine-tune and evaluate BERT-family transformers as one YAML file declares.");
        var run = new RunOptions(experimentRequired: false);
        run.AddTo(root);
        var list = new Option<bool>("--list") { Description = "List the compiled experiments (the same as the list command)." };
        root.Add(list);
        root.SetAction(result =>
        {
            if (result.GetValue(list))
            {
                return ListCommand.Print(console);
            }

            if (result.GetValue(run.Experiment) is null)
            {
                ErrorLine.Write(console, "name an experiment file (dotnet run -- experiments/mrpc.yaml) or a command; see dotnet run -- --help");
                return ExitCodes.BadInput;
            }

            return RunCommand.Execute(run.Read(result), console);
        });

        root.Add(RunCommand.Create(console));
        root.Add(PredictCommand.Create(console));
        root.Add(ListCommand.Create(console));
        root.Add(PipelineCommand.Create(console));
        return root;
    }

    /// <summary>Tab completion of an experiment argument: the compiled experiment files.</summary>
    public static Argument<string> WithExperimentCompletions(this Argument<string> argument)
    {
        argument.CompletionSources.Add(_ => ExperimentRegistry.All.Select(r => r.SourceFile));
        return argument;
    }
}
