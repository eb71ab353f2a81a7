using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// HF <c>QuestionAnsweringModelOutput</c>: the span loss when positions were given, and the start and end logits.
/// <see cref="ModelOutput.Logits"/> holds both, [batch, seq, 2] (start, end), so the evaluator gathers one tensor as it
/// does for every head; <see cref="StartLogits"/> and <see cref="EndLogits"/> are views of it.
/// </summary>
public sealed record QuestionAnsweringModelOutput(Tensor? Loss, Tensor Logits) : ModelOutput(Loss, Logits)
{
    /// <summary>[batch, seq]: a new view of <c>Logits[.., 0]</c> on each read, owned by the reader (or its dispose scope).</summary>
    /// <remarks>
    /// Computed, not stored: the output owns only Loss and Logits, so disposing it frees each once, and a view read
    /// earlier stays valid after that (it holds the storage).
    /// </remarks>
    public Tensor StartLogits => Logits.select(-1, 0);

    /// <summary>[batch, seq]: a new view of <c>Logits[.., 1]</c> on each read, owned by the reader (or its dispose scope).</summary>
    public Tensor EndLogits => Logits.select(-1, 1);
}
