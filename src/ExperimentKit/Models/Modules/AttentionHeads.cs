using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The multi-head core BERT and DistilBERT attention share: split heads, attend, merge heads.</summary>
internal static class AttentionHeads
{
    /// <param name="q">[batch, seq, heads × headDim] projected queries; likewise <paramref name="k"/> and <paramref name="v"/>.</param>
    /// <param name="additiveMask">[batch, 1, 1, seq]: 0 where attended, the dtype's minimum where masked.</param>
    /// <param name="dropout">Attention-probability dropout; pass 0 in eval mode.</param>
    /// <returns>[batch, seq, heads × headDim].</returns>
    public static Tensor Attend(Tensor q, Tensor k, Tensor v, Tensor additiveMask, long numHeads, double dropout)
    {
        using var scope = NewDisposeScope();
        var (batch, seq, width) = (q.shape[0], q.shape[1], q.shape[2]);
        Tensor Split(Tensor x) => x.view(batch, seq, numHeads, width / numHeads).transpose(1, 2);

        // LibTorch's fused kernel computes softmax(q·kᵀ/√d + mask)·v, HF's eager path (checked against it in the
        // tests) and faster on CPU. HF's masked_fill with the dtype's minimum (DistilBERT) and this addition both give
        // exactly 0 after softmax. The kernel applies the dropout to the probabilities itself, so HF's weightless
        // `dropout` child is not needed; it has no state-dict entry either way.
        var context = Autocast.ComputeType is { } type
            ? nn.functional.scaled_dot_product_attention(Split(q).to_type(type), Split(k).to_type(type), Split(v).to_type(type), additiveMask.to_type(type), p: dropout).to_type(ScalarType.Float32)
            : dropout > 0 && q.device_type == DeviceType.CPU
                ? WithProbabilityDropout(Split(q), Split(k), Split(v), additiveMask, dropout)
                : nn.functional.scaled_dot_product_attention(Split(q), Split(k), Split(v), additiveMask, p: dropout);
        return context.transpose(1, 2).reshape(batch, seq, width).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Training on the CPU: what the fused kernel computes with dropout there (its math path, as HF's eager attention),
    /// with the probabilities' dropout mask drawn on every core (<see cref="ParallelDropoutMask"/>).
    /// </summary>
    private static Tensor WithProbabilityDropout(Tensor q, Tensor k, Tensor v, Tensor additiveMask, double dropout)
    {
        using var scale = (1 / Math.Sqrt(q.shape[^1])).ToScalar();
        var scores = matmul(q, k.transpose(-2, -1)).mul_(scale).add_(additiveMask, OwnedScalars.One);
        var probabilities = ParallelDropoutMask.Apply(scores.softmax(-1), dropout, training: true);
        return matmul(probabilities, v);
    }
}
