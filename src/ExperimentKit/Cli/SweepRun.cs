using ExperimentKit.Schema;
using ExperimentKit.Sweeps;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>What `sweep` is asked to do.</summary>
public sealed record SweepRequest(string ExperimentFile, IReadOnlyList<SettingOverride> Overrides, int Parallel, string? Shard, int? Shards, int? Threads = null);

/// <summary>The `sweep` and `sweep collect` commands' work, apart from their parsing.</summary>
public static class SweepRun
{
    /// <param name="program">How to start a trial; null: this program again (<see cref="TrialProgram.Of"/>).</param>
    public static int Execute(SweepRequest request, IAnsiConsole console, Func<string, string?> environment, CancellationToken cancel, TrialProgram? program = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExperimentLoader.WithExperiment(request.ExperimentFile, request.Overrides, console, loaded =>
        {
            if (loaded.Parsed.Sweep is not { } sweep)
            {
                ErrorLine.Write(console, $"{request.ExperimentFile} has no sweep: section; add one (sweep: parameters: training.learning_rate: [2.0e-5, 5.0e-5]) or run it with dotnet run -- {request.ExperimentFile}");
                return ExitCodes.BadInput;
            }

            if (request.Overrides.FirstOrDefault(o => sweep.Parameters.Any(p => p.Path == o.Path) || (o.Path == Schema.Sweeps.SweepPoint.SeedPath && sweep.Seeds.Count > 0)) is { } clash)
            {
                ErrorLine.Write(console, $"--set {clash}: {clash.Path} is swept; change its values in the sweep: section (or --set sweep.parameters...) instead");
                return ExitCodes.BadInput;
            }

            Shard shard;
            try
            {
                shard = ShardSelection.Resolve(request.Shard, request.Shards, environment);
            }
            catch (ArgumentException exception)
            {
                ErrorLine.Write(console, exception.Message);
                return ExitCodes.BadInput;
            }

            var plan = SweepPlan.Create(request.ExperimentFile, loaded.Spec, sweep, request.Overrides);
            var layout = SweepLayout.ForOutputDir(loaded.Spec.Training.OutputDir);
            var options = new SweepRunOptions(program ?? TrialProgram.Of(loaded.Experiment.GetType().Assembly), request.Parallel, shard, request.Threads);
            var outcomes = new SweepRunner(plan, layout, options, new ConsoleSweepReporter(console, plan)).Run(cancel);
            var summary = Summarise(plan, layout, console);
            if (cancel.IsCancellationRequested)
            {
                ErrorLine.Write(console, $"stopped: {summary.Trials.Count(t => t.State != TrialState.Finished)} trials not finished; run the same command again to continue");
                return ExitCodes.RunFailed;
            }

            return outcomes.Values.Any(o => o == TrialOutcome.Failed) ? ExitCodes.RunFailed : ExitCodes.Success;
        });
    }

    public static int Collect(string folder, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var layout = new SweepLayout(Path.GetFullPath(folder));
        if (!File.Exists(layout.PlanFile))
        {
            ErrorLine.Write(console, $"{layout.PlanFile} not found: name the folder a sweep writes, <output_dir>/{SweepLayout.FolderName}");
            return ExitCodes.BadInput;
        }

        try
        {
            Summarise(SweepPlan.Load(layout.PlanFile), layout, console);
            return ExitCodes.Success;
        }
        catch (InvalidDataException exception)
        {
            ErrorLine.Write(console, exception.Message);
            return ExitCodes.BadInput;
        }
    }

    private static SweepSummary Summarise(SweepPlan plan, SweepLayout layout, IAnsiConsole console)
    {
        var summary = SweepSummary.Collect(plan, layout);
        var plots = SweepPlots.Write(summary, layout);
        SweepSummaryFiles.Write(summary, layout, plots);
        console.Profile.Out.Writer.Write(SweepSummaryFiles.Markdown(summary));
        console.Profile.Out.Writer.WriteLine($"Summary written to {layout.Summary("md")} (and .csv, .json)");
        console.Profile.Out.Writer.Flush();
        return summary;
    }
}
