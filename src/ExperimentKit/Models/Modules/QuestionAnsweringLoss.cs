using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The loss of HF's <c>*ForQuestionAnswering</c> heads: the mean of the start and end cross-entropies.</summary>
internal static class QuestionAnsweringLoss
{
    /// <param name="logits">[batch, seq, 2]: start and end logits.</param>
    /// <param name="labels">[batch, 2] int64: start_positions and end_positions, which the collator joins.</param>
    /// <remarks>
    /// As transformers: positions are clamped to [0, seq] and seq is the ignore_index, so an answer cut off by truncation
    /// adds nothing, while a negative position counts as 0 (the [CLS] token). A batch with every position ignored has a
    /// NaN loss, as there.
    /// </remarks>
    public static Tensor Compute(Tensor logits, Tensor labels)
    {
        if (labels.dim() != 2 || labels.shape[1] != 2)
        {
            throw new ArgumentException(
                $"Question-answering labels are [batch, 2] (start, end positions); got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        var ignoredIndex = logits.shape[1];
        using var ignored = ignoredIndex.ToScalar();
        using var two = 2.ToScalar();
        var positions = labels.to_type(ScalarType.Int64).clamp(OwnedScalars.Zero, ignored);
        var startLoss = nn.functional.cross_entropy(logits.select(-1, 0), positions.select(1, 0), ignore_index: ignoredIndex);
        var endLoss = nn.functional.cross_entropy(logits.select(-1, 1), positions.select(1, 1), ignore_index: ignoredIndex);
        return startLoss.add(endLoss, OwnedScalars.One).div(two);
    }
}
