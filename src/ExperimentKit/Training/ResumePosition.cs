namespace ExperimentKit.Training;

/// <summary>
/// Where in the loop a checkpoint was taken, beyond what trainer_state.json says: the epoch and the step within it, whether
/// that epoch's end (its logging, evaluation and saving) had already run, the running losses, the last gradient norm and,
/// with fp16, the loss scale (torch saves it as scaler.pt). With these, a resumed run logs exactly the values an
/// uninterrupted one does.
/// </summary>
public sealed record ResumePosition(
    int EpochIndex,
    int StepInEpoch,
    bool EpochEndDone,
    double LossSinceLog,
    int StepsSinceLog,
    double LossTotal,
    double GradNorm,
    double? LossScale = null,
    int? LossScaleGrowthTracker = null);
