using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>tanh(dense(first token's hidden state)) (HF <c>BertPooler</c>).</summary>
public sealed class BertPooler : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense;

    public BertPooler(BertConfig config) : base(nameof(BertPooler))
    {
        ArgumentNullException.ThrowIfNull(config);
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
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
        var first = hiddenStates.select(1, 0);
        return Autocast.Linear(dense, first).tanh().MoveToOuterDisposeScope();
    }
}
