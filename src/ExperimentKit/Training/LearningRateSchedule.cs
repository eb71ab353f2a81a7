using ExperimentKit.Schema.Model;

namespace ExperimentKit.Training;

/// <summary>
/// The multiplier of the base learning rate after <c>step</c> optimizer steps, exactly as transformers'
/// get_scheduler lambdas: the first step runs at factor(0), which is 0 whenever there is warmup.
/// </summary>
/// <param name="BaseLearningRate">The learning rate the factor multiplies; polynomial decay ends at an absolute lr_end.</param>
public sealed record LearningRateSchedule(LrSchedulerKind Kind, int WarmupSteps, int TotalSteps, double BaseLearningRate)
{
    public static LearningRateSchedule For(TrainingSpec args, TrainingPlan plan) =>
        new(args.LrSchedulerType, plan.WarmupSteps, plan.TotalSteps, args.LearningRate);

    public double Factor(int step)
    {
        if (step < WarmupSteps && Kind != LrSchedulerKind.Constant)
        {
            return step / (double)Math.Max(1, WarmupSteps);
        }

        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = (step - WarmupSteps) / (double)decaySteps;
        return Kind switch
        {
            LrSchedulerKind.Linear => Math.Max(0.0, (TotalSteps - step) / (double)decaySteps),
            LrSchedulerKind.Cosine => Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * progress))),
            LrSchedulerKind.Constant or LrSchedulerKind.ConstantWithWarmup => 1.0,
            LrSchedulerKind.Polynomial => Polynomial(step, progress),
            LrSchedulerKind.CosineWithRestarts => progress >= 1.0
                ? 0.0
                : Math.Max(0.0, 0.5 * (1.0 + Math.Cos(Math.PI * (ResolvedTraining.CosineRestartCycles * progress % 1.0)))),
            _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
        };
    }

    /// <summary>get_polynomial_decay_schedule_with_warmup: from the base rate down to lr_end, then lr_end.</summary>
    private double Polynomial(int step, double progress)
    {
        const double end = ResolvedTraining.PolynomialLrEnd;
        if (step > TotalSteps)
        {
            return end / BaseLearningRate;
        }

        var decayed = ((BaseLearningRate - end) * Math.Pow(1 - progress, ResolvedTraining.PolynomialPower)) + end;
        return decayed / BaseLearningRate;
    }
}
