using ExperimentKit.Schema.Model;

namespace ExperimentKit.Training;

/// <summary>
/// How many batches, optimizer steps and epochs a run takes, derived as the Trainer derives them:
/// steps per epoch = batches // gradient_accumulation_steps (at least 1); max_steps, when set, wins.
/// </summary>
public sealed record TrainingPlan(int BatchesPerEpoch, int StepsPerEpoch, int Epochs, int TotalSteps, int WarmupSteps)
{
    public static TrainingPlan Of(TrainingSpec args, int exampleCount)
    {
        var batches = args.DataloaderDropLast
            ? exampleCount / args.PerDeviceTrainBatchSize
            : (exampleCount + args.PerDeviceTrainBatchSize - 1) / args.PerDeviceTrainBatchSize;
        if (batches == 0)
        {
            throw new ArgumentException($"{exampleCount} training examples make no batch of {args.PerDeviceTrainBatchSize}.");
        }

        var stepsPerEpoch = Math.Max(1, batches / args.GradientAccumulationSteps);
        int totalSteps, epochs;
        if (args.MaxSteps > 0)
        {
            totalSteps = args.MaxSteps;
            epochs = (args.MaxSteps + stepsPerEpoch - 1) / stepsPerEpoch;
        }
        else
        {
            totalSteps = (int)Math.Ceiling(args.NumTrainEpochs * stepsPerEpoch);
            epochs = (int)Math.Ceiling(args.NumTrainEpochs);
        }

        var warmup = args.WarmupSteps > 0 ? args.WarmupSteps : (int)Math.Ceiling(args.WarmupRatio * totalSteps);
        return new TrainingPlan(batches, stepsPerEpoch, epochs, totalSteps, warmup);
    }
}
