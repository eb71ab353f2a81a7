using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>Keeps the log history in memory for the summary and appends every event to metrics.jsonl.</summary>
public sealed class RunRecorder(MetricsLog log) : ITrainerCallback
{
    private readonly List<TrainingLogEntry> logs = [];
    private readonly List<EvaluationLogEntry> evaluations = [];

    public IReadOnlyList<TrainingLogEntry> Logs => logs;

    public IReadOnlyList<EvaluationLogEntry> Evaluations => evaluations;

    public void OnTrainBegin(TrainingPlan plan, int exampleCount)
    {
    }

    public void OnStep(StepProgress progress)
    {
    }

    public void OnLog(TrainingLogEntry entry)
    {
        logs.Add(entry);
        log.Append(entry);
    }

    public void OnEvaluate(EvaluationLogEntry entry)
    {
        evaluations.Add(entry);
        log.Append(entry);
    }

    public void OnEarlyStop(EarlyStopEvent stop)
    {
    }

    public void OnTrainEnd(TrainOutput output) => log.Append(output);
}
