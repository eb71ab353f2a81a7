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

    /// <summary>
    /// The config the head tests write transformers' key lists for (hidden 32, 2 layers, 2 heads, intermediate 37,
    /// vocab 99, the other keys HF's defaults): the odd sizes tell a wrong dimension from a right one.
    /// </summary>
    public static BertConfig ForHeads() => new()
    {
        VocabSize = 99,
        HiddenSize = 32,
        NumHiddenLayers = 2,
        NumAttentionHeads = 2,
        IntermediateSize = 37,
    };

    /// <summary>Same dtype, shape and bytes: stricter than ==, which treats 0.0 and -0.0 alike.</summary>
    public static bool SameBits(Tensor a, Tensor b)
    {
        using var left = a.detach().contiguous();
        using var right = b.detach().contiguous();
        return a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && left.bytes.SequenceEqual(right.bytes);
    }
}
