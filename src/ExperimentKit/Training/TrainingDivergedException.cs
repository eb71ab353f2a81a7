using System.Globalization;

namespace ExperimentKit.Training;

/// <summary>
/// The loss became NaN or infinite: training stops before the optimizer applies that step, naming the step, the
/// learning rate and the last checkpoint saved before it (the one to resume from with other settings).
/// </summary>
public sealed class TrainingDivergedException(int step, double loss, double learningRate, string? lastCheckpoint)
    : Exception(Describe(step, loss, learningRate, lastCheckpoint))
{
    public int Step { get; } = step;

    public double LearningRate { get; } = learningRate;

    public string? LastCheckpoint { get; } = lastCheckpoint;

    private static string Describe(int step, double loss, double learningRate, string? lastCheckpoint) =>
        string.Create(CultureInfo.InvariantCulture, $"the training loss is {loss} at step {step} (learning_rate {learningRate:0.###e+00}); stopped before applying it. ")
        + (lastCheckpoint is null
            ? "No checkpoint was saved before it. Lower learning_rate (or warm up longer: warmup_ratio), or clip harder (max_grad_norm), and run again."
            : $"Last good checkpoint: {lastCheckpoint}. Lower learning_rate (or warm up longer, or clip harder with max_grad_norm) and resume from it with --resume {lastCheckpoint}.");
}
