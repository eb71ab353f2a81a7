using ExperimentKit.Data;

namespace ExperimentKit.Training;

/// <summary>
/// transformers' EvalPrediction: every evaluation example's head output (logits, [N, …], or what the task's
/// preprocess_logits_for_metrics made of them) and its labels ([N], [N, 2] or [N, seq]), token-level rows padded with
/// -100 to the longest batch as nested_concat pads them. compute_metrics reads only this.
/// </summary>
public sealed record EvalPrediction(HostArray Predictions, HostArray LabelIds)
{
    /// <summary>include_inputs_for_metrics: the evaluated rows, in order (question answering maps windows back through them).</summary>
    public IReadOnlyList<EncodedExample> Inputs { get; init; } = [];

    /// <summary>The mean loss over the split (eval_loss), for metrics derived from it such as perplexity.</summary>
    public double Loss { get; init; }
}
