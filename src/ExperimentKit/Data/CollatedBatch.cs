using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>
/// The tensors a data collator makes for one batch: int64 [batch, sequence] ids, masks and token types
/// ([batch, choices, sequence] for multiple choice) and the labels the task needs (int64 [batch] class ids, int64
/// [batch, sequence] token labels with -100, ...). Token type ids are absent when the collator is told not to return them.
/// </summary>
public sealed record CollatedBatch(Tensor InputIds, Tensor AttentionMask, Tensor? TokenTypeIds, Tensor Labels)
{
    /// <summary>The batch on <paramref name="device"/>: this one when it is there already, else copies, the originals disposed.</summary>
    public CollatedBatch To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (InputIds.device_type == device.type && (device.index < 0 || InputIds.device_index == device.index))
        {
            return this;
        }

        var moved = new CollatedBatch(InputIds.to(device), AttentionMask.to(device), TokenTypeIds?.to(device), Labels.to(device));
        InputIds.Dispose();
        AttentionMask.Dispose();
        TokenTypeIds?.Dispose();
        Labels.Dispose();
        return moved;
    }
}
