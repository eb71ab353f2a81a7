using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>
/// The tensors a data collator makes for one batch: int64 [batch, sequence] ids, masks and token types
/// ([batch, choices, sequence] for multiple choice) and the labels the task needs (int64 [batch] class ids, int64
/// [batch, sequence] token labels with -100, ...). Token type ids are absent when the collator is told not to return them.
/// </summary>
public sealed record CollatedBatch(Tensor InputIds, Tensor AttentionMask, Tensor? TokenTypeIds, Tensor Labels);
