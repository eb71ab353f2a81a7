using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The loss every HF <c>*ForSequenceClassification</c> head computes from its logits.</summary>
internal static class SequenceClassificationLoss
{
    /// <summary>HF's problem_type logic: the config's value, else inferred from num_labels and the labels' dtype.</summary>
    public static Tensor Compute(Tensor logits, Tensor labels, int numLabels, string? problemType)
    {
        var problem = problemType ?? (numLabels, labels.dtype) switch
        {
            (1, _) => "regression",
            (_, ScalarType.Int64 or ScalarType.Int32) => "single_label_classification",
            _ => "multi_label_classification",
        };
        return problem switch
        {
            "regression" when numLabels == 1 => nn.functional.mse_loss(logits.squeeze(), labels.squeeze().to_type(logits.dtype)),
            "regression" => nn.functional.mse_loss(logits, labels.to_type(logits.dtype)),
            "single_label_classification" => nn.functional.cross_entropy(logits.view(-1, numLabels), labels.view(-1).to_type(ScalarType.Int64)),
            "multi_label_classification" => nn.functional.binary_cross_entropy_with_logits(logits, labels.to_type(logits.dtype)),
            _ => throw new InvalidOperationException($"problem_type '{problem}' is not one HF defines."),
        };
    }
}
