using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// Linear projection, dropout, then LayerNorm over the residual sum: the shape shared by HF's <c>BertSelfOutput</c>
/// and <c>BertOutput</c>, which differ only in the projection's input width. The children carry HF's names.
/// </summary>
public abstract class ResidualProjection : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly LayerNorm layerNorm;
    private readonly ParallelDropout dropout;

    protected ResidualProjection(string name, int inputSize, BertConfig config) : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        dense = nn.Linear(inputSize, config.HiddenSize);
        layerNorm = nn.LayerNorm(config.HiddenSize, eps: config.LayerNormEps);
        dropout = new ParallelDropout(config.HiddenDropoutProb);
        register_module("dense", dense);
        register_module("LayerNorm", layerNorm);
        register_module("dropout", dropout);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor hiddenStates, Tensor inputTensor)
    {
        using var scope = NewDisposeScope();
        var projected = dropout.forward(Autocast.Linear(dense, hiddenStates));
        return layerNorm.forward(projected.add(inputTensor, OwnedScalars.One)).MoveToOuterDisposeScope();
    }
}
