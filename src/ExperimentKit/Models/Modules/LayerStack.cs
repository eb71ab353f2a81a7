using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Runs a stack of transformer layers in order (BERT's encoder and DistilBERT's transformer alike).</summary>
internal static class LayerStack
{
    public static Tensor Run(IEnumerable<nn.Module<Tensor, Tensor, Tensor>> layers, Tensor hiddenStates, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var current = hiddenStates;
        foreach (var layer in layers)
        {
            current = layer.forward(current, additiveMask);
        }

        // With no layers the input itself is returned: hand out an alias the caller may dispose.
        return (ReferenceEquals(current, hiddenStates) ? current.alias() : current).MoveToOuterDisposeScope();
    }
}
