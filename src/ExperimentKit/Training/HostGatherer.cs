using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// eval_accumulation_steps for one output (logits, or labels): batches wait on the device for that many evaluation
/// batches, then move to the host in one copy and are freed there. At 1 (the default) nothing waits, so predictions
/// never pile up in device memory however large the split (transformers #7232). Outputs of any shape are joined as
/// <see cref="NestedConcat"/> joins them.
/// </summary>
internal sealed class HostGatherer(int batchesPerMove) : IDisposable
{
    private readonly List<Tensor> onDevice = [];
    private readonly List<HostArray> onHost = [];
    private ScalarType? dtype;

    /// <summary>Takes a batch's tensor; the caller's dispose scope no longer owns the copy kept.</summary>
    public void Add(Tensor batch)
    {
        dtype ??= batch.dtype;
        onDevice.Add(batch.detach().DetachFromDisposeScope());
        if (onDevice.Count >= batchesPerMove)
        {
            MoveToHost();
        }
    }

    /// <summary>Moves whatever waits on the device to the host.</summary>
    public void MoveToHost()
    {
        if (onDevice.Count == 0)
        {
            return;
        }

        using (var joined = NestedConcat.OnDevice(onDevice))
        {
            onHost.Add(HostArray.Of(joined));
        }

        Dispose();
    }

    /// <summary>Everything gathered, as one array; call after <see cref="MoveToHost"/>.</summary>
    public HostArray Result(ScalarType emptyType) => NestedConcat.OnHost(onHost, dtype ?? emptyType);

    public void Dispose()
    {
        foreach (var tensor in onDevice)
        {
            tensor.Dispose();
        }

        onDevice.Clear();
    }
}
