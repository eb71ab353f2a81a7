using System.CommandLine;
using ExperimentKit.Experiments;
using ExperimentKit.Runs;
using Spectre.Console;
using TorchSharp;

namespace ExperimentKit.Cli;

/// <summary>`run &lt;experiment&gt;` (or the experiment file alone): fine-tune and evaluate as the YAML declares.</summary>
internal static class RunCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("run", "Fine-tune and evaluate as the experiment file declares, writing a run folder under output_dir.");
        var options = new RunOptions();
        options.AddTo(command);
        command.SetAction(result => Execute(options.Read(result), console));
        return command;
    }

    public static int Execute(RunRequest request, IAnsiConsole console) =>
        ExperimentLoader.WithExperiment(request.ExperimentFile, request.Overrides, console, loaded =>
        {
            if (request.Threads is { } threads)
            {
                torch.set_num_threads(threads);
            }

            var spec = loaded.Spec;
            var resumeFrom = !request.Resume ? null : request.Checkpoint is null ? ResumeRequest.Latest(spec.Training.OutputDir) : ResumeRequest.FromCheckpoint(request.Checkpoint);
            loaded.Experiment.Run(spec, new RunSettings(request.ExperimentFile, console, Resume: resumeFrom) { RunDirectory = request.RunDirectory, Command = ReproducingCommand.Of(request) });
            return ExitCodes.Success;
        });
}
