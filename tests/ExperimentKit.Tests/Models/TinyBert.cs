using ExperimentKit.Models;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>Small configs that build in milliseconds.</summary>
internal static class TinyBert
{
    public static BertConfig Config(int layers = 2) => new()
    {
        VocabSize = 100,
        HiddenSize = 32,
        NumHiddenLayers = layers,
        NumAttentionHeads = 4,
        IntermediateSize = 64,
        MaxPositionEmbeddings = 40,
    };

    /// <summary>Same dtype, shape and bytes: stricter than ==, which treats 0.0 and -0.0 alike.</summary>
    public static bool SameBits(Tensor a, Tensor b)
    {
        using var left = a.detach().contiguous();
        using var right = b.detach().contiguous();
        return a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && left.bytes.SequenceEqual(right.bytes);
    }
}
