using System.CommandLine;
using ExperimentKit.Schema;

namespace ExperimentKit.Cli;

/// <summary>What one run is asked to do: the experiment, its overrides and how to start or continue it.</summary>
public sealed record RunRequest(string ExperimentFile, IReadOnlyList<SettingOverride> Overrides, bool Resume, string? Checkpoint, int? Threads, string? RunDirectory);

/// <summary>The arguments and options of `run` (which `dotnet run -- x.yaml` is short for).</summary>
internal sealed class RunOptions
{
    public Argument<string> Experiment { get; } = new Argument<string>("experiment")
    {
        Description = "The experiment file, experiments/<name>.yaml (or a run's config.yaml).",
    }.WithExperimentCompletions();

    public Option<SettingOverride[]> Set { get; } = SharedOptions.Set();

    public Option<string?> Resume { get; } = new("--resume")
    {
        Description = "Continue an interrupted run: the latest checkpoint under output_dir, or the checkpoint folder named.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<int?> Threads { get; } = SharedOptions.Threads();

    /// <summary>Used by sweeps: the exact folder of a new run instead of output_dir/&lt;start time&gt;.</summary>
    public Option<string?> RunDirectory { get; } = new("--run-dir")
    {
        Description = "Write the run to exactly this folder (it must not exist yet) instead of output_dir/<start time>.",
        Hidden = true,
    };

    public void AddTo(Command command)
    {
        command.Add(Experiment);
        command.Add(Set);
        command.Add(Resume);
        command.Add(Threads);
        command.Add(RunDirectory);
    }

    public RunRequest Read(ParseResult result) => new(
        result.GetValue(Experiment)!,
        result.GetValue(Set) ?? [],
        result.GetResult(Resume) is not null,
        result.GetValue(Resume),
        result.GetValue(Threads),
        result.GetValue(RunDirectory));
}
