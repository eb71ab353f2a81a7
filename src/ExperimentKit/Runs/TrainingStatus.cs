using System.Globalization;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>What the live display shows after a step: the step's progress, the speed and the time left.</summary>
public sealed record TrainingStatus(StepProgress Progress, double SamplesPerSecond, TimeSpan Remaining)
{
    // Hours are not wrapped into days: "eta 30:00:00" reads better than a day count for a long run.
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"step {Progress.Step}/{Progress.TotalSteps}  epoch {Progress.Epoch:0.00}  loss {Progress.Loss:0.0000}  lr {Progress.LearningRate:0.000e+00}  {SamplesPerSecond:0.0} samples/s  eta {(int)Remaining.TotalHours:00}:{Remaining:mm\\:ss}");
}
