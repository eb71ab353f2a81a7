using ExperimentKit.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Word + learned position embeddings, then LayerNorm and dropout; no token types (HF DistilBERT <c>Embeddings</c>).</summary>
/// <remarks>HF's <c>position_ids</c> buffer is non-persistent, so it is computed per call here instead of registered.</remarks>
public sealed class DistilBertEmbeddings : nn.Module<Tensor, Tensor>, IHasPaddingRow
{
    /// <summary>HF hard-codes this epsilon for every DistilBERT LayerNorm; the config has no key for it.</summary>
    internal const double LayerNormEps = 1e-12;

    private readonly Embedding wordEmbeddings;
    private readonly Embedding positionEmbeddings;
    private readonly LayerNorm layerNorm;
    private readonly ParallelDropout dropout;
    private readonly int maxPositions;
    private readonly int padTokenId;

    public DistilBertEmbeddings(DistilBertConfig config) : base(nameof(DistilBertEmbeddings))
    {
        ArgumentNullException.ThrowIfNull(config);
        maxPositions = config.MaxPositionEmbeddings;
        padTokenId = config.PadTokenId;
        wordEmbeddings = nn.Embedding(config.VocabSize, config.Dim, padding_idx: config.PadTokenId);
        positionEmbeddings = nn.Embedding(config.MaxPositionEmbeddings, config.Dim);
        layerNorm = nn.LayerNorm(config.Dim, eps: LayerNormEps);
        dropout = new ParallelDropout(config.Dropout);
        register_module("word_embeddings", wordEmbeddings);
        register_module("position_embeddings", positionEmbeddings);
        register_module("LayerNorm", layerNorm);
        register_module("dropout", dropout);
    }

    void IHasPaddingRow.ZeroPaddingRow() => WordEmbeddings.ZeroPaddingRow(wordEmbeddings, padTokenId);

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor inputIds)
    {
        WordEmbeddings.ThrowIfTooLong(inputIds, maxPositions);
        var seqLength = inputIds.shape[1];

        using var scope = torch.NewDisposeScope();
        using var length = seqLength.ToScalar();
        var positionIds = torch.arange(OwnedScalars.Zero, length, OwnedScalars.One, dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0);
        var embeddings = wordEmbeddings.forward(inputIds).add(positionEmbeddings.forward(positionIds), OwnedScalars.One);
        return dropout.forward(layerNorm.forward(embeddings)).MoveToOuterDisposeScope();
    }
}
