using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The stack of <see cref="TransformerBlock"/>s, registered as <c>layer.0</c>, <c>layer.1</c>, … (HF DistilBERT <c>Transformer</c>).</summary>
public sealed class Transformer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<TransformerBlock> layer;

    public Transformer(DistilBertConfig config) : base(nameof(Transformer))
    {
        ArgumentNullException.ThrowIfNull(config);
        layer = nn.ModuleList([.. Enumerable.Range(0, config.NLayers).Select(_ => new TransformerBlock(config))]);
        register_module("layer", layer);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask) => LayerStack.Run(layer, hiddenStates, additiveMask);
}
