using ExperimentKit.Training;

namespace ExperimentKit.Experiments;

/// <summary>Trainer.predict's PredictionOutput: logits [N, num_labels], label ids [N] and the metrics.</summary>
public sealed record PredictionResult(Predictions Predictions, IReadOnlyList<int> LabelIds, EvaluationLogEntry Metrics);
