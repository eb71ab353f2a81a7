using System.CommandLine;
using ExperimentKit.Sweeps;
using Spectre.Console;

namespace ExperimentKit.Cli;

/// <summary>
/// `sweep &lt;experiment&gt;`: every trial of the experiment's `sweep:` section (or this shard's share), each a plain
/// run in a process of its own, then the summary; `sweep collect &lt;folder&gt;`: the summary of what has finished.
/// Ctrl+C (or SIGTERM from a scheduler) stops the running trials; the same command continues where it stopped.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("sweep", "Run the experiment's sweep: section, skipping finished trials and resuming interrupted ones, then summarise it.");
        var experiment = new Argument<string>("experiment") { Description = "The experiment file with a sweep: section." }.WithExperimentCompletions();
        var set = SharedOptions.Set();
        set.Description = "Override a setting for every trial (path=value); repeatable.";
        var parallel = new Option<int>("--parallel")
        {
            Description = "Trials to run at once on this machine; the cores are shared out between them.",
            DefaultValueFactory = _ => 1,
            Validators = { result => SharedOptions.AtLeastOne(result, "--parallel") },
        };
        var shard = new Option<string?>("--shard") { Description = "Run only slice i of n (0-based, i/n) of the trials; default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set." };
        var shards = new Option<int?>("--shards") { Description = "The number of shards when the index comes from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's completions)." };
        var threads = SharedOptions.Threads();
        threads.Description = "LibTorch threads per trial (default: the cores shared out between the --parallel trials).";
        command.Add(experiment);
        command.Add(threads);
        command.Add(set);
        command.Add(parallel);
        command.Add(shard);
        command.Add(shards);
        command.SetAction((result, cancel) => Task.FromResult(SweepRun.Execute(
            new SweepRequest(result.GetValue(experiment)!, result.GetValue(set) ?? [], result.GetValue(parallel), result.GetValue(shard), result.GetValue(shards), result.GetValue(threads)),
            console,
            Environment.GetEnvironmentVariable,
            cancel)));

        var collect = new Command("collect", "Summarise a sweep folder from whatever has finished, and list what has not.");
        var folder = new Argument<string>("sweep-folder") { Description = "The sweep's folder, <output_dir>/sweep." };
        collect.Add(folder);
        collect.SetAction(result => SweepRun.Collect(result.GetValue(folder)!, console));
        command.Add(collect);
        return command;
    }
}
