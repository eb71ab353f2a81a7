using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>One DistilBERT layer: attention, residual LayerNorm, feed-forward, residual LayerNorm (HF <c>TransformerBlock</c>).</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly MultiHeadSelfAttention attention;
    private readonly LayerNorm saLayerNorm;
    private readonly FFN ffn;
    private readonly LayerNorm outputLayerNorm;

    public TransformerBlock(DistilBertConfig config) : base(nameof(TransformerBlock))
    {
        ArgumentNullException.ThrowIfNull(config);
        attention = new MultiHeadSelfAttention(config);
        saLayerNorm = nn.LayerNorm(config.Dim, eps: DistilBertEmbeddings.LayerNormEps);
        ffn = new FFN(config);
        outputLayerNorm = nn.LayerNorm(config.Dim, eps: DistilBertEmbeddings.LayerNormEps);
        register_module("attention", attention);
        register_module("sa_layer_norm", saLayerNorm);
        register_module("ffn", ffn);
        register_module("output_layer_norm", outputLayerNorm);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var attended = saLayerNorm.forward(attention.forward(hiddenStates, additiveMask).add(hiddenStates, OwnedScalars.One));
        return outputLayerNorm.forward(ffn.forward(attended).add(attended, OwnedScalars.One)).MoveToOuterDisposeScope();
    }
}
