using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// HF's <c>nn.Dropout</c> children (weightless, no state-dict entry) with the mask drawn on every core: see
/// <see cref="ParallelDropoutMask"/>.
/// </summary>
public sealed class ParallelDropout(double probability) : nn.Module<Tensor, Tensor>(nameof(ParallelDropout))
{
    public override Tensor forward(Tensor input) => ParallelDropoutMask.Apply(input, probability, training);
}
