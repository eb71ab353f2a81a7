namespace ExperimentKit.Training;

/// <summary>Receives the trainer's events as they happen (console progress, metrics.jsonl, ...).</summary>
public interface ITrainerCallback
{
    void OnTrainBegin(TrainingPlan plan, int exampleCount);

    void OnStep(StepProgress progress);

    void OnLog(TrainingLogEntry entry);

    void OnEvaluate(EvaluationLogEntry entry);

    void OnEarlyStop(EarlyStopEvent stop);

    void OnTrainEnd(TrainOutput output);
}
