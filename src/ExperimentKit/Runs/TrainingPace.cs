using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// Samples per second and time left, counted from the first step this process ran: a resumed run starts at its
/// checkpoint's step, and the steps an earlier process trained must not count as done in this one's time.
/// </summary>
public sealed class TrainingPace(DateTimeOffset started, double examplesPerStep)
{
    private int? stepBeforeFirst;

    public TrainingStatus Observe(StepProgress progress, DateTimeOffset now)
    {
        stepBeforeFirst ??= progress.Step - 1;
        var seconds = Math.Max((now - started).TotalSeconds, 1e-9);
        var stepsRun = progress.Step - stepBeforeFirst.Value;
        var remaining = TimeSpan.FromSeconds(seconds / stepsRun * (progress.TotalSteps - progress.Step));
        return new TrainingStatus(progress, stepsRun * examplesPerStep / seconds, remaining);
    }
}
