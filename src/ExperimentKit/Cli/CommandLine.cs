using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Runs;
using ExperimentKit.Training;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>
/// `dotnet run -- experiments/mrpc.yaml`: validate the YAML with the same schema code the compiler used,
/// find the compiled experiment and run it. Errors print as `file(line,col): error EKxxxx: ...` or
/// `file:line: ...` and exit with 1; usage errors exit with 2.
/// </summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
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
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            PrintUsage(console);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "--list")
        {
            foreach (var registration in ExperimentRegistry.All)
            {
                console.WriteLine($"{registration.Name,-24} {registration.SourceFile}");
            }

            return 0;
        }

        if (args[0] == "predict")
        {
            return Predict(args[1..], console);
        }

        if (RunArguments.Parse(args) is not { } run)
        {
            return Usage(console, args.Skip(1));
        }

        return WithExperiment(run.ExperimentFile, run.Overrides, console, (spec, experiment) =>
        {
            var resumeFrom = !run.Resume ? null : run.Checkpoint is null ? ResumeRequest.Latest(spec.Training.OutputDir) : ResumeRequest.FromCheckpoint(run.Checkpoint);
            experiment.Run(spec, new RunSettings(run.ExperimentFile, console, Resume: resumeFrom));
        });
    }

    private static int Predict(string[] args, IAnsiConsole console)
    {
        if (PredictArguments.Parse(args) is not { } predict)
        {
            return Usage(console, args);
        }

        var file = predict.ExperimentFile ?? PredictArguments.ResolvedConfigOf(predict.ModelFolder);
        if (file is null)
        {
            ErrorLine.Write(console, $"no config.yaml in or above {Path.GetFullPath(predict.ModelFolder)}: name the experiment file after the folder");
            return 1;
        }

        return WithExperiment(file, [], console, (spec, experiment) => experiment.Predict(spec, predict.ModelFolder, predict.Split, new RunSettings(file, console)));
    }

    /// <summary>
    /// Validates the YAML as the compiler did, with the command line's overrides over it, finds the compiled experiment
    /// and runs <paramref name="action"/> with it.
    /// </summary>
    private static int WithExperiment(string file, IReadOnlyList<SettingOverride> overrides, IAnsiConsole console, Action<ExperimentSpec, IExperiment> action)
    {
        if (!File.Exists(file))
        {
            ErrorLine.Write(console, $"experiment file not found: {Path.GetFullPath(file)}");
            return 1;
        }

        var parsed = ExperimentSpecParser.Parse(file, File.ReadAllText(file), overrides);
        if (parsed.Spec is null || parsed.Diagnostics.Count > 0)
        {
            foreach (var diagnostic in parsed.Diagnostics)
            {
                ErrorLine.WriteFinding(console, diagnostic.Format(file, overrides));
            }

            if (parsed.Spec is null)
            {
                // A finding about an override is a bad command line; one in the file, a bad input.
                return parsed.Diagnostics.Any(d => d.Location.IsCommandLine) ? 2 : 1;
            }
        }

        var compiledFromThisFile = ExperimentRegistry.Find(file);
        var registration = compiledFromThisFile ?? ExperimentRegistry.Find(parsed.Spec.Name);
        if (registration is null)
        {
            ErrorLine.Write(console, $"{file} is not compiled into this program. Put it in experiments/ and run again (dotnet run rebuilds). Compiled: {string.Join(", ", ExperimentRegistry.All.Select(r => r.SourceFile))}");
            return 1;
        }

        // Another file of the same name (a copy, a run's config.yaml) runs through the compiled types as overrides would.
        var asWritten = overrides.Count == 0 ? parsed.Spec : ExperimentSpecParser.Parse(file, File.ReadAllText(file)).Spec!;
        if (compiledFromThisFile is not null && CompiledSpec.Drift(registration.Compiled, asWritten) is { Count: > 0 } drift)
        {
            ErrorLine.Write(console, $"{file} has changed since this program was built ({string.Join(", ", drift)} differ from what was compiled); rebuild (dotnet build, or dotnet run without --no-build) so the run is the file's");
            return 1;
        }

        if (CompiledSpec.TypeChanges(registration.Compiled, parsed.Spec) is { Count: > 0 } changed)
        {
            var what = compiledFromThisFile is null ? $"{file} differs from the compiled {registration.SourceFile} in" : "--set changes";
            ErrorLine.Write(console, $"{what} {string.Join(", ", changed)}, which the compiled types of {registration.SourceFile} are built from (label enum, batch, model class); edit the YAML in experiments/ and rebuild instead");
            return overrides.Count > 0 ? 2 : 1;
        }

        var spec = CompiledSpec.ToRun(registration.Compiled, parsed.Spec, differsOnPurpose: overrides.Count > 0 || compiledFromThisFile is null);
        try
        {
            action(spec, registration.Create());
            return 0;
        }
        catch (Exception exception) when (exception is DataFileNotFoundException or DataFormatException or IOException or InvalidDataException or ExperimentConfigurationException or NotSupportedException or TrainingDivergedException)
        {
            ErrorLine.Write(console, $"{exception.Message}");
            return 1;
        }
    }

    private static int Usage(IAnsiConsole console, IEnumerable<string> unexpected)
    {
        console.MarkupLineInterpolated($"[red]Unexpected arguments:[/] {string.Join(' ', unexpected)}");
        PrintUsage(console);
        return 2;
    }

    private static void PrintUsage(IAnsiConsole console)
    {
        console.WriteLine("usage: dotnet run -- <experiments/name.yaml>   fine-tune and evaluate as the YAML declares");
        console.WriteLine("       dotnet run -- <experiments/name.yaml> --set training.learning_rate=3e-5 [--set ...]");
        console.WriteLine("                                               the same with settings overridden (checked like the file; config.yaml records them)");
        console.WriteLine("       dotnet run -- <experiments/name.yaml> --resume [checkpoint folder]");
        console.WriteLine("                                               continue an interrupted run: its latest checkpoint, or the one named");
        console.WriteLine("       dotnet run -- predict <model folder> [--split validation|train|test] [experiments/name.yaml]");
        console.WriteLine("                                               predictions of a run's or checkpoint's model, written into that folder");
        console.WriteLine("       dotnet run -- --list                    list the compiled experiments");
    }
}
