using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// The BERT encoder (HF <c>BertModel</c>, children <c>embeddings</c>, <c>encoder</c> and, unless built with
/// add_pooling_layer false as heads that read no pooler are, <c>pooler</c>).
/// </summary>
public class BertModel : nn.Module<Tensor, Tensor?, Tensor?, BertModelOutput>, IPretrainedModel<BertConfig>
{
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;
    private readonly BertPooler? pooler;

    /// <param name="addPoolingLayer">transformers' add_pooling_layer: false leaves out the pooler, so a checkpoint has no pooler weights.</param>
    public BertModel(BertConfig config, bool addPoolingLayer = true) : base(nameof(BertModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        embeddings = new BertEmbeddings(config);
        encoder = new BertEncoder(config);
        pooler = addPoolingLayer ? new BertPooler(config) : null;
        register_module("embeddings", embeddings);
        register_module("encoder", encoder);
        if (pooler is not null)
        {
            register_module("pooler", pooler);
        }

        BertInit.Apply(this, config.InitializerRange);
    }

    public static string BaseModelPrefix => "bert";

    public BertConfig Config { get; }

    /// <summary>HF <c>get_input_embeddings().weight</c>: the word-embedding parameter a head with tied weights shares.</summary>
    internal Parameter InputEmbeddingWeight => embeddings.WordEmbeddingWeight;

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens to attend to and 0 for padding; null attends to all.</param>
    /// <param name="tokenTypeIds">[batch, seq] segment ids; null means all 0.</param>
    public override BertModelOutput forward(Tensor inputIds, Tensor? attentionMask, Tensor? tokenTypeIds)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        using var scope = NewDisposeScope();
        var hidden = embeddings.forward(inputIds, tokenTypeIds);
        var mask = ExtendedAttentionMask(attentionMask ?? ones_like(inputIds), hidden.dtype);
        var sequence = encoder.forward(hidden, mask);
        var pooled = pooler?.forward(sequence);
        return new BertModelOutput(sequence.MoveToOuterDisposeScope(), pooled?.MoveToOuterDisposeScope());
    }

    /// <summary>HF <c>get_extended_attention_mask</c>: [batch, seq] of 1/0 to [batch, 1, 1, seq] of 0/dtype-min, added to the scores.</summary>
    /// <remarks>The dtype's minimum rather than -inf keeps a fully padded row finite (uniform weights, as in HF).</remarks>
    public static Tensor ExtendedAttentionMask(Tensor attentionMask, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(attentionMask);
        using var scope = NewDisposeScope();
        var keep = attentionMask.to_type(dtype).unsqueeze(1).unsqueeze(2);
        using var min = finfo(dtype).min.ToScalar();
        return ones_like(keep).sub_(keep).mul_(min).MoveToOuterDisposeScope();
    }
}
