using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// What HF's <c>*ForMultipleChoice</c> heads share: each choice is a row of the encoder's batch, scored by one logit,
/// and the loss is cross-entropy over a question's choices. Padding choices are masked, which transformers does not do.
/// </summary>
internal static class MultipleChoice
{
    /// <param name="choices">[batch, num_choices, seq].</param>
    /// <returns>[batch * num_choices, seq]: every choice a row of the encoder's batch.</returns>
    public static Tensor Flatten(Tensor choices)
    {
        if (choices.dim() != 3)
        {
            throw new ArgumentException(
                $"Multiple-choice inputs are [batch, num_choices, seq]; got [{string.Join(", ", choices.shape)}].", nameof(choices));
        }

        return choices.reshape(-1, choices.shape[2]);
    }

    /// <summary>
    /// Per-choice logits, [batch * num_choices, 1], as [batch, num_choices], with every padding choice (a row whose
    /// attention mask is all 0) set to the dtype's minimum.
    /// </summary>
    /// <remarks>
    /// Questions here have 3, 4 or 5 choices and the collator pads the missing ones; unmasked, a padding row gets a
    /// logit like any other and can win the argmax or take probability from the answer. The dtype's minimum (HF's
    /// finfo.min for masks) rather than -inf keeps softmax, the loss and its gradient finite: exp underflows to 0, and
    /// masked_fill passes no gradient to the filled places. A label that points at a padding choice is a data error and
    /// gives a huge loss.
    /// </remarks>
    /// <param name="attentionMask">[batch, num_choices, seq], as given to the head.</param>
    public static Tensor Logits(Tensor perChoice, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var logits = perChoice.view(attentionMask.shape[0], attentionMask.shape[1]);
        var padding = attentionMask.eq(OwnedScalars.Zero).all(-1);
        using var min = finfo(logits.dtype).min.ToScalar();
        return logits.masked_fill(padding, min).MoveToOuterDisposeScope();
    }

    /// <param name="labels">[batch] int64: the index of each question's answer among its choices.</param>
    public static Tensor Loss(Tensor logits, Tensor labels) =>
        nn.functional.cross_entropy(logits, labels.view(-1).to_type(ScalarType.Int64));
}
