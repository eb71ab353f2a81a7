using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// The loss of HF's <c>*ForTokenClassification</c> heads, and of <c>BertForMaskedLM</c> with the vocabulary as the labels:
/// cross-entropy over tokens, skipping label -100.
/// </summary>
internal static class TokenClassificationLoss
{
    /// <summary>Label ids of tokens no loss is computed for (special tokens, padding, later sub-tokens), as in transformers.</summary>
    public const long IgnoreIndex = -100;

    public static Tensor Compute(Tensor logits, Tensor labels, int numLabels) =>
        nn.functional.cross_entropy(logits.view(-1, numLabels), labels.view(-1).to_type(ScalarType.Int64), ignore_index: IgnoreIndex);
}
