namespace ExperimentKit.Sweeps;

/// <summary>Where a trial stands, read from its files (so any process, on any machine sharing the folder, reads the same).</summary>
public enum TrialState
{
    /// <summary>Nothing written yet.</summary>
    Pending,

    /// <summary>trials/&lt;id&gt;.incomplete: running now, or stopped (it resumes from its last checkpoint).</summary>
    Started,

    /// <summary>trials/&lt;id&gt;.failed.json: the last attempt failed; the next invocation tries again.</summary>
    Failed,

    /// <summary>trials/&lt;id&gt;: a whole run folder with its results.</summary>
    Finished,
}

/// <summary>A trial's state and, when it failed, why.</summary>
public sealed record TrialStatus(SweepTrial Trial, TrialState State, string? Error)
{
    public static TrialStatus Read(SweepTrial trial, SweepLayout layout)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(layout);
        if (Directory.Exists(layout.Trial(trial.Id)))
        {
            return new TrialStatus(trial, TrialState.Finished, null);
        }

        if (File.Exists(layout.Failure(trial.Id)))
        {
            return new TrialStatus(trial, TrialState.Failed, TrialFailure.Read(layout.Failure(trial.Id)));
        }

        return new TrialStatus(trial, Directory.Exists(layout.Trial(trial.Id) + ".incomplete") ? TrialState.Started : TrialState.Pending, null);
    }
}
