using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>BaseModelOutputWithPooling</c>: [batch, seq, hidden] and [batch, hidden] (null for a model built without a pooler).</summary>
public sealed record BertModelOutput(Tensor LastHiddenState, Tensor? PoolerOutput) : IDisposable
{
    public void Dispose()
    {
        LastHiddenState.Dispose();
        PoolerOutput?.Dispose();
    }
}
