using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The mean of hidden states over real tokens (sentence-transformers' mean pooling, with its 1e-9 floor).</summary>
public static class MaskedMean
{
    /// <summary>sentence-transformers' clamp(min=1e-9), rooted here so no finalizer frees it mid-call (EK1001).</summary>
    private static readonly Scalar Floor = 1e-9.ToScalar();

    /// <param name="hiddenStates">[batch, seq, hidden].</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <returns>[batch, hidden].</returns>
    public static Tensor Of(Tensor hiddenStates, Tensor attentionMask)
    {
        ArgumentNullException.ThrowIfNull(hiddenStates);
        ArgumentNullException.ThrowIfNull(attentionMask);
        using var scope = NewDisposeScope();
        var weights = attentionMask.unsqueeze(-1).to_type(hiddenStates.dtype);
        var tokens = weights.sum(1).clamp_min(Floor);
        return ((hiddenStates * weights).sum(1) / tokens).MoveToOuterDisposeScope();
    }
}
