using System.Collections.Concurrent;
using System.Diagnostics;
using ExperimentKit.Experiments;
using ExperimentKit.Runs;

namespace ExperimentKit.Sweeps;

/// <summary>
/// How to run this invocation's share of a sweep: <paramref name="Parallel"/> trials at once, each with
/// <paramref name="ThreadsPerTrial"/> LibTorch threads (null: the cores shared out). On CPU the thread count changes the
/// last bits of the results, so each trial's command records it.
/// </summary>
public sealed record SweepRunOptions(TrialProgram Program, int Parallel, Shard Shard, int? ThreadsPerTrial = null);

/// <summary>
/// Runs this process's trials of a sweep, <see cref="SweepRunOptions.Parallel"/> at a time, each as a plain run in a
/// child process: finished trials are skipped, interrupted ones resume from their last checkpoint, a failed one is
/// recorded and does not stop the others, and cancellation kills the running children (their checkpoints stay).
/// </summary>
public sealed class SweepRunner(SweepPlan plan, SweepLayout layout, SweepRunOptions options, ISweepReporter reporter)
{
    public IReadOnlyDictionary<SweepTrial, TrialOutcome> Run(CancellationToken cancel)
    {
        Directory.CreateDirectory(layout.TrialsFolder);
        plan.Save(layout.PlanFile);
        var mine = options.Shard.Select(plan.Trials).ToArray();
        var threads = options.ThreadsPerTrial ?? TrialProcess.ThreadsPerTrial(options.Parallel);
        reporter.Starting(options, mine.Length, threads);

        var queue = new ConcurrentQueue<SweepTrial>(mine);
        var outcomes = new ConcurrentDictionary<SweepTrial, TrialOutcome>();
        var workers = Enumerable.Range(0, options.Parallel).Select(_ => Task.Run(() =>
        {
            while (!cancel.IsCancellationRequested && queue.TryDequeue(out var trial))
            {
                outcomes[trial] = RunOne(trial, threads, cancel);
            }
        })).ToArray();
        Task.WaitAll(workers, CancellationToken.None);
        return outcomes;
    }

    private TrialOutcome RunOne(SweepTrial trial, int threads, CancellationToken cancel)
    {
        var folder = layout.Trial(trial.Id);
        if (Directory.Exists(folder))
        {
            reporter.Skipped(trial, TrialOutcome.AlreadyFinished);
            return TrialOutcome.AlreadyFinished;
        }

        using var trialLock = TrialLock.TryTake(layout.Lock(trial.Id));
        if (trialLock is null || Directory.Exists(folder))
        {
            var outcome = trialLock is null ? TrialOutcome.RunningElsewhere : TrialOutcome.AlreadyFinished;
            reporter.Skipped(trial, outcome);
            return outcome;
        }

        var arguments = RunArguments(trial, threads, folder);
        var resumed = arguments.Contains("--resume");
        reporter.Started(trial, resumed, layout.Log(trial.Id));
        var clock = Stopwatch.StartNew();
        var output = new List<string>();
        var exitCode = TrialProcess.Run(options.Program, arguments, layout.Log(trial.Id), output, cancel);
        if (exitCode is null)
        {
            reporter.Interrupted(trial);
            return TrialOutcome.Interrupted;
        }

        if (exitCode == 0 && Directory.Exists(folder))
        {
            File.Delete(layout.Failure(trial.Id));
            reporter.Finished(trial, clock.Elapsed, TrialResults.Read(folder));
            return TrialOutcome.Finished;
        }

        var error = TrialFailure.FromLog(output);
        TrialFailure.Write(layout.Failure(trial.Id), exitCode.Value, error, layout.Log(trial.Id));
        reporter.Failed(trial, exitCode.Value, error);
        return TrialOutcome.Failed;
    }

    /// <summary>
    /// `run` with the trial's overrides and thread count; a new run in the trial's folder, or the interrupted one
    /// resumed from its latest checkpoint (one interrupted before its first checkpoint starts over).
    /// </summary>
    private List<string> RunArguments(SweepTrial trial, int threads, string folder)
    {
        var arguments = new List<string> { "run", plan.ExperimentFile };
        foreach (var setting in trial.Overrides)
        {
            arguments.Add("--set");
            arguments.Add(setting.ToString());
        }

        arguments.Add("--threads");
        arguments.Add(threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var incomplete = folder + ".incomplete";
        if (Directory.Exists(incomplete) && CheckpointFolders.List(incomplete) is [.., var latest])
        {
            arguments.AddRange(["--resume", latest.Path]);
            return arguments;
        }

        if (Directory.Exists(incomplete))
        {
            Directory.Delete(incomplete, recursive: true);
        }

        arguments.AddRange(["--run-dir", folder]);
        return arguments;
    }
}
