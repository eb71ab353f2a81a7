using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>AdamW's state of one parameter: its step count and first and second moment estimates, on its device.</summary>
internal sealed class AdamWParameterState(Tensor parameter) : IDisposable
{
    public long Step { get; set; }

    public Tensor ExpAvg { get; } = zeros_like(parameter).DetachFromDisposeScope();

    public Tensor ExpAvgSq { get; } = zeros_like(parameter).DetachFromDisposeScope();

    public void Dispose()
    {
        ExpAvg.Dispose();
        ExpAvgSq.Dispose();
    }
}
