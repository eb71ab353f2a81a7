using ExperimentKit.Models;

namespace ExperimentKit.Tests.Models;

/// <summary>A small DistilBERT config that builds in milliseconds.</summary>
internal static class TinyDistilBert
{
    public static DistilBertConfig Config(int layers = 2) => new()
    {
        VocabSize = 100,
        Dim = 32,
        NLayers = layers,
        NHeads = 4,
        HiddenDim = 64,
        MaxPositionEmbeddings = 40,
    };

    /// <summary><see cref="TinyBert.ForHeads"/> in DistilBERT's keys.</summary>
    public static DistilBertConfig ForHeads() => new()
    {
        VocabSize = 99,
        Dim = 32,
        NLayers = 2,
        NHeads = 2,
        HiddenDim = 37,
    };
}
