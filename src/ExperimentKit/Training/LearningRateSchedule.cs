using ExperimentKit.Schema.Model;

namespace ExperimentKit.Training;

/// <summary>
/// The multiplier of the base learning rate after <c>step</c> optimizer steps, exactly as transformers'
/// get_scheduler lambdas: the first step runs at factor(0), which is 0 whenever there is warmup.
/// </summary>
public sealed record LearningRateSchedule(LrSchedulerKind Kind, int WarmupSteps, int TotalSteps)
{
    public double Factor(int step)
    {
        if (step < WarmupSteps && Kind != LrSchedulerKind.Constant)
        {
            return step / (double)Math.Max(1, WarmupSteps);
        }

        var progress = (step - WarmupSteps) / (double)Math.Max(1, TotalSteps - WarmupSteps);
        return Kind switch
        {
            LrSchedulerKind.Linear => Math.Max(0.0, (TotalSteps - step) / (double)Math.Max(1, TotalSteps - WarmupSteps)),
            LrSchedulerKind.Cosine => Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * progress))),
            LrSchedulerKind.Constant or LrSchedulerKind.ConstantWithWarmup => 1.0,
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }
}
