using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Pipelines;

/// <summary>sentence-transformers' Pooling and Normalize modules on a batch of token vectors.</summary>
internal static class SentencePoolingLayer
{
    /// <param name="hidden">[batch, seq, hidden] token vectors.</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <returns>[batch, hidden × modes]: the modes' vectors concatenated in sentence-transformers' order.</returns>
    public static Tensor Apply(SentencePooling pooling, Tensor hidden, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        if (pooling.Cls)
        {
            parts.Add(hidden.select(1, 0));
        }

        if (pooling.Max)
        {
            // Padding set to -1e9 so it never wins, as sentence-transformers does.
            using var never = (-1e9).ToScalar();
            var padding = attentionMask.unsqueeze(-1).eq(OwnedScalars.Zero);
            parts.Add(hidden.masked_fill(padding, never).max(1).values);
        }

        if (pooling.Mean)
        {
            parts.Add(MaskedMean.Of(hidden, attentionMask));
        }

        if (pooling.MeanSqrtLength)
        {
            var weights = attentionMask.unsqueeze(-1).to_type(hidden.dtype);
            using var tiny = 1e-9.ToScalar();
            parts.Add(hidden.mul(weights).sum(1).div(weights.sum(1).clamp_min(tiny).sqrt()));
        }

        var pooled = parts.Count == 1 ? parts[0] : cat(parts, 1);
        if (pooling.Normalize)
        {
            pooled = nn.functional.normalize(pooled, p: 2, dim: 1);
        }

        return pooled.MoveToOuterDisposeScope();
    }
}
