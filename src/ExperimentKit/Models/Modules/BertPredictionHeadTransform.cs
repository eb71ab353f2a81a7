using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Dense, activation (hidden_act), LayerNorm before the vocabulary projection (HF <c>BertPredictionHeadTransform</c>).</summary>
public sealed class BertPredictionHeadTransform : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly Func<Tensor, Tensor> transformActFn;
    private readonly LayerNorm layerNorm;

    public BertPredictionHeadTransform(BertConfig config) : base(nameof(BertPredictionHeadTransform))
    {
        ArgumentNullException.ThrowIfNull(config);
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
        transformActFn = Activations.Get(config.HiddenAct);
        layerNorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps);
        register_module("dense", dense);
        register_module("LayerNorm", layerNorm);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return layerNorm.forward(transformActFn(Autocast.Linear(dense, hiddenStates))).MoveToOuterDisposeScope();
    }
}
