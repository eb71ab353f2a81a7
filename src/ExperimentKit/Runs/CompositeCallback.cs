using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>Hands every trainer event to each callback in turn.</summary>
public sealed class CompositeCallback(params ITrainerCallback[] callbacks) : ITrainerCallback
{
    public void OnTrainBegin(TrainingPlan plan, int exampleCount) => Each(c => c.OnTrainBegin(plan, exampleCount));

    public void OnStep(StepProgress progress) => Each(c => c.OnStep(progress));

    public void OnLog(TrainingLogEntry entry) => Each(c => c.OnLog(entry));

    public void OnEvaluate(EvaluationLogEntry entry) => Each(c => c.OnEvaluate(entry));

    public void OnEarlyStop(EarlyStopEvent stop) => Each(c => c.OnEarlyStop(stop));

    public void OnTrainEnd(TrainOutput output) => Each(c => c.OnTrainEnd(output));

    private void Each(Action<ITrainerCallback> action)
    {
        foreach (var callback in callbacks)
        {
            action(callback);
        }
    }
}
