using ExperimentKit.Training;

namespace ExperimentKit.Tests.Training;

/// <summary>Keeps every trainer event, in order, for assertions.</summary>
internal sealed class RecordingCallback : ITrainerCallback
{
    public List<double> StepLosses { get; } = [];

    public List<TrainingLogEntry> Logs { get; } = [];

    public List<EvaluationLogEntry> Evaluations { get; } = [];

    public List<EarlyStopEvent> EarlyStops { get; } = [];

    public void OnTrainBegin(TrainingPlan plan, int exampleCount)
    {
    }

    public void OnStep(StepProgress progress) => StepLosses.Add(progress.Loss);

    public void OnLog(TrainingLogEntry entry) => Logs.Add(entry);

    public void OnEvaluate(EvaluationLogEntry entry) => Evaluations.Add(entry);

    public void OnEarlyStop(EarlyStopEvent stop) => EarlyStops.Add(stop);

    public void OnTrainEnd(TrainOutput output)
    {
    }
}
