using System.CommandLine;
using ExperimentKit.Data;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>`predict &lt;model folder&gt; [--split validation|train|test] [experiment]`: Trainer.predict with a saved model.</summary>
internal static class PredictCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("predict", "Predictions and metrics of a run's or checkpoint's model on one split, written into that folder.");
        var modelFolder = new Argument<string>("model-folder") { Description = "A run folder, its best/ or a checkpoints/checkpoint-N folder." };
        var experiment = new Argument<string?>("experiment")
        {
            Description = "The experiment file (default: the config.yaml the run folder keeps).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var split = new Option<DatasetSplit>("--split") { Description = "The split to predict.", DefaultValueFactory = _ => DatasetSplit.Validation };
        command.Add(modelFolder);
        command.Add(experiment);
        command.Add(split);
        command.SetAction(result => Execute(result.GetValue(modelFolder)!, result.GetValue(split), result.GetValue(experiment), console));
        return command;
    }

    private static int Execute(string modelFolder, DatasetSplit split, string? experimentFile, IAnsiConsole console)
    {
        var file = experimentFile ?? ResolvedConfigOf(modelFolder);
        if (file is null)
        {
            ErrorLine.Write(console, $"no config.yaml in or above {Path.GetFullPath(modelFolder)}: name the experiment file after the folder");
            return ExitCodes.BadInput;
        }

        return ExperimentLoader.WithExperiment(file, [], console, loaded =>
        {
            loaded.Experiment.Predict(loaded.Spec, modelFolder, split, new Experiments.RunSettings(file, console));
            return ExitCodes.Success;
        });
    }

    /// <summary>
    /// The config.yaml a run folder keeps: in the folder itself (a run), or two levels up (checkpoints/checkpoint-N)
    /// or one (best/).
    /// </summary>
    public static string? ResolvedConfigOf(string modelFolder)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(modelFolder));
        for (var up = 0; up <= 2 && folder is not null; up++, folder = folder.Parent)
        {
            var config = Path.Combine(folder.FullName, "config.yaml");
            if (File.Exists(config))
            {
                return config;
            }
        }

        return null;
    }
}
