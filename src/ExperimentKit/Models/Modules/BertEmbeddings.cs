using ExperimentKit.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Word + token type + absolute position embeddings, then LayerNorm and dropout (HF <c>BertEmbeddings</c>).</summary>
/// <remarks>
/// HF keeps <c>position_ids</c> and <c>token_type_ids</c> as non-persistent buffers; they never reach a checkpoint,
/// so they are computed per call here instead of registered.
/// </remarks>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor?, Tensor>, IHasPaddingRow
{
    private readonly Embedding wordEmbeddings;
    private readonly Embedding positionEmbeddings;
    private readonly Embedding tokenTypeEmbeddings;
    private readonly LayerNorm layerNorm;
    private readonly ParallelDropout dropout;
    private readonly int maxPositions;
    private readonly int padTokenId;

    public BertEmbeddings(BertConfig config) : base(nameof(BertEmbeddings))
    {
        ArgumentNullException.ThrowIfNull(config);
        maxPositions = config.MaxPositionEmbeddings;
        padTokenId = config.PadTokenId;
        wordEmbeddings = nn.Embedding(config.VocabSize, config.HiddenSize, padding_idx: config.PadTokenId);
        positionEmbeddings = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        tokenTypeEmbeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        layerNorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps);
        dropout = new ParallelDropout(config.HiddenDropoutProb);
        register_module("word_embeddings", wordEmbeddings);
        register_module("position_embeddings", positionEmbeddings);
        register_module("token_type_embeddings", tokenTypeEmbeddings);
        register_module("LayerNorm", layerNorm);
        register_module("dropout", dropout);
    }

    /// <summary>The word-embedding table's parameter as registered: what a language-model head ties its decoder to.</summary>
    /// <remarks>
    /// Not <c>Embedding.weight</c>: TorchSharp's Embedding answers each read with a new wrapper, and a Linear given one
    /// would hold a second parameter over the same storage, which parameters() lists twice and the optimizer steps
    /// twice. The registered object is the one named_parameters() lists, so a module tied to it adds no parameter.
    /// </remarks>
    internal Parameter WordEmbeddingWeight => wordEmbeddings.get_parameter("weight")!;

    void IHasPaddingRow.ZeroPaddingRow() => WordEmbeddings.ZeroPaddingRow(wordEmbeddings, padTokenId);

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor inputIds, Tensor? tokenTypeIds)
    {
        WordEmbeddings.ThrowIfTooLong(inputIds, maxPositions);
        var seqLength = inputIds.shape[1];

        using var scope = torch.NewDisposeScope();
        using var length = seqLength.ToScalar();
        var positionIds = torch.arange(OwnedScalars.Zero, length, OwnedScalars.One, dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0);
        var tokenTypes = tokenTypeIds ?? torch.zeros_like(inputIds);
        // Same summation order as HF (words + token types, then + positions), so float rounding matches.
        var embeddings = wordEmbeddings.forward(inputIds).add(tokenTypeEmbeddings.forward(tokenTypes), OwnedScalars.One);
        embeddings = embeddings.add(positionEmbeddings.forward(positionIds), OwnedScalars.One);
        return dropout.forward(layerNorm.forward(embeddings)).MoveToOuterDisposeScope();
    }
}
