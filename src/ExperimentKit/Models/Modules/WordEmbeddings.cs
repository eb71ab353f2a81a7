using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Rules BERT's and DistilBERT's embeddings share.</summary>
internal static class WordEmbeddings
{
    /// <summary>HF's <c>_init_weights</c> zeroes the padding row after the normal draw.</summary>
    public static void ZeroPaddingRow(Embedding words, int padTokenId)
    {
        using var noGrad = no_grad();
        words.weight![padTokenId].zero_();
    }

    /// <summary>Learned positions stop at max_position_embeddings; a longer input is the caller's error, said plainly.</summary>
    public static void ThrowIfTooLong(Tensor inputIds, int maxPositions)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        var seqLength = inputIds.shape[1];
        if (seqLength > maxPositions)
        {
            throw new ArgumentException(
                $"The sequence length {seqLength} exceeds max_position_embeddings {maxPositions}.", nameof(inputIds));
        }
    }
}
