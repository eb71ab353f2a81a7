using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>
/// The tensors DataCollatorWithPadding makes for one batch: int64 [batch, sequence] ids and masks,
/// int64 [batch] labels. Token type ids are absent when the collator is told not to return them.
/// </summary>
public sealed record CollatedBatch(Tensor InputIds, Tensor AttentionMask, Tensor? TokenTypeIds, Tensor Labels);
