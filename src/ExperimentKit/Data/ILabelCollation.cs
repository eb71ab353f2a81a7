using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>How a task's labels become the batch's `labels` tensor (the label half of its data collator).</summary>
public interface ILabelCollation
{
    /// <param name="paddedLength">The batch's padded sequence length, for labels per token.</param>
    Tensor Collate(IReadOnlyList<EncodedExample> examples, int paddedLength);
}
