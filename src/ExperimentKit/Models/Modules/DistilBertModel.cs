using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The DistilBERT encoder, no pooler (HF <c>DistilBertModel</c>, children <c>embeddings</c> and <c>transformer</c>).</summary>
public class DistilBertModel : nn.Module<Tensor, Tensor?, Tensor>, IPretrainedModel<DistilBertConfig>
{
    private readonly DistilBertEmbeddings embeddings;
    private readonly Transformer transformer;

    public DistilBertModel(DistilBertConfig config) : base(nameof(DistilBertModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        embeddings = new DistilBertEmbeddings(config);
        transformer = new Transformer(config);
        register_module("embeddings", embeddings);
        register_module("transformer", transformer);
        BertInit.Apply(this, config.InitializerRange);
    }

    public static string BaseModelPrefix => "distilbert";

    public DistilBertConfig Config { get; }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens to attend to and 0 for padding; null attends to all.</param>
    /// <returns>The last hidden state, [batch, seq, dim].</returns>
    public override Tensor forward(Tensor inputIds, Tensor? attentionMask)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        using var scope = NewDisposeScope();
        var hidden = embeddings.forward(inputIds);
        var mask = BertModel.ExtendedAttentionMask(attentionMask ?? ones_like(inputIds), hidden.dtype);
        return transformer.forward(hidden, mask).MoveToOuterDisposeScope();
    }
}
