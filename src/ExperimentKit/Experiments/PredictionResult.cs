using ExperimentKit.Training;

namespace ExperimentKit.Experiments;

/// <summary>Trainer.predict's PredictionOutput: the head's outputs and the label ids (an EvalPrediction), and the metrics.</summary>
public sealed record PredictionResult(EvalPrediction Prediction, EvaluationLogEntry Metrics);
