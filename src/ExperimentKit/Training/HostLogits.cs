using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// eval_accumulation_steps: logits wait on the device for that many evaluation batches, then move to the host in one
/// copy and are freed there. At 1 (the default) nothing waits, so predictions never pile up in device memory however
/// large the split (transformers #7232).
/// </summary>
internal sealed class HostLogits(int batchesPerMove) : IDisposable
{
    private readonly List<Tensor> onDevice = [];

    /// <summary>Rows moved to the host so far, one per example, in order.</summary>
    public List<float[]> Rows { get; } = [];

    /// <summary>Takes a batch's logits [batch, num_labels]; the caller's dispose scope no longer owns the copy kept.</summary>
    public void Add(Tensor logits)
    {
        onDevice.Add(logits.detach().DetachFromDisposeScope());
        if (onDevice.Count >= batchesPerMove)
        {
            MoveToHost();
        }
    }

    /// <summary>Moves whatever waits on the device to <see cref="Rows"/>.</summary>
    public void MoveToHost()
    {
        if (onDevice.Count == 0)
        {
            return;
        }

        using (NewDisposeScope())
        {
            var host = cat(onDevice, 0).to_type(ScalarType.Float32).cpu();
            var columns = (int)host.shape[1];
            var flat = host.data<float>().ToArray();
            for (var row = 0; row < flat.Length / columns; row++)
            {
                Rows.Add(flat.AsSpan(row * columns, columns).ToArray());
            }
        }

        Dispose();
    }

    public void Dispose()
    {
        foreach (var tensor in onDevice)
        {
            tensor.Dispose();
        }

        onDevice.Clear();
    }
}
