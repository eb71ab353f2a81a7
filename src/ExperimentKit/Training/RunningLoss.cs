namespace ExperimentKit.Training;

/// <summary>
/// The training loss the Trainer reports: the mean since the previous log (each log's `loss`) and over the whole
/// run (TrainOutput.training_loss).
/// </summary>
public sealed class RunningLoss
{
    public double SinceLog { get; private set; }

    public int StepsSinceLog { get; private set; }

    public double Total { get; private set; }

    /// <summary>Continues from a checkpoint's sums.</summary>
    public void Restore(double sinceLog, int stepsSinceLog, double total)
    {
        SinceLog = sinceLog;
        StepsSinceLog = stepsSinceLog;
        Total = total;
    }

    public void Add(double loss)
    {
        SinceLog += loss;
        Total += loss;
        StepsSinceLog++;
    }

    /// <summary>The mean since the previous log, starting a new window.</summary>
    public double TakeMean()
    {
        var mean = SinceLog / StepsSinceLog;
        SinceLog = 0;
        StepsSinceLog = 0;
        return mean;
    }
}
