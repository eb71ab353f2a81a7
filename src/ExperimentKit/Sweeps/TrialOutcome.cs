namespace ExperimentKit.Sweeps;

/// <summary>What happened to a trial in this invocation.</summary>
public enum TrialOutcome
{
    /// <summary>Finished before this invocation: skipped.</summary>
    AlreadyFinished,

    /// <summary>Another process holds its lock (another shard, or another invocation): skipped.</summary>
    RunningElsewhere,

    Finished,

    Failed,

    /// <summary>Stopped by Ctrl+C (or cancellation): the next invocation resumes it.</summary>
    Interrupted,
}
