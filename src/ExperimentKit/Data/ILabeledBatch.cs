using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>What the trainer needs from any batch type: its labels and how many examples it holds.</summary>
public interface ILabeledBatch : IDisposable
{
    Tensor Labels { get; }

    int Size { get; }
}
