using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// What every head returns (transformers' ModelOutput with loss and logits): the loss when labels were given, and the
/// logits, whose shape is the head's ([batch, num_labels] per sequence, [batch, seq, num_labels] per token). The
/// trainer and evaluator read only this; each head's own record names its output as transformers does.
/// </summary>
public abstract record ModelOutput(Tensor? Loss, Tensor Logits) : IDisposable
{
    public void Dispose()
    {
        Loss?.Dispose();
        Logits.Dispose();
        GC.SuppressFinalize(this);
    }
}
