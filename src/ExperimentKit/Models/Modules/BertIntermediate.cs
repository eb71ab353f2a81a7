using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Feed-forward up projection and activation (HF <c>BertIntermediate</c>).</summary>
public sealed class BertIntermediate : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly Func<Tensor, Tensor> activation;

    public BertIntermediate(BertConfig config) : base(nameof(BertIntermediate))
    {
        ArgumentNullException.ThrowIfNull(config);
        dense = nn.Linear(config.HiddenSize, config.IntermediateSize);
        activation = Activations.Get(config.HiddenAct);
        register_module("dense", dense);
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
        return activation(Autocast.Linear(dense, hiddenStates)).MoveToOuterDisposeScope();
    }
}
