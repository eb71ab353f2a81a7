using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>DistilBERT's feed-forward pair: lin1, activation, lin2, dropout (HF <c>FFN</c>).</summary>
public sealed class FFN : nn.Module<Tensor, Tensor>
{
    private readonly Linear lin1;
    private readonly Linear lin2;
    private readonly ParallelDropout dropout;
    private readonly Func<Tensor, Tensor> activation;

    public FFN(DistilBertConfig config) : base(nameof(FFN))
    {
        ArgumentNullException.ThrowIfNull(config);
        lin1 = nn.Linear(config.Dim, config.HiddenDim);
        lin2 = nn.Linear(config.HiddenDim, config.Dim);
        dropout = new ParallelDropout(config.Dropout);
        activation = Activations.Get(config.Activation);
        register_module("lin1", lin1);
        register_module("lin2", lin2);
        register_module("dropout", dropout);
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
        return dropout.forward(Autocast.Linear(lin2, activation(Autocast.Linear(lin1, hiddenStates)))).MoveToOuterDisposeScope();
    }
}
