namespace ExperimentKit.Training;

/// <summary>
/// transformers' EvalPrediction: every evaluation example's head output (logits, [N, …]) and its labels ([N] or [N, seq]),
/// token-level rows padded with -100 to the longest batch as nested_concat pads them. compute_metrics reads only this.
/// </summary>
public sealed record EvalPrediction(HostArray Predictions, HostArray LabelIds);
