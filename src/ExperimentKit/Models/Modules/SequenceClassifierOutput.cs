using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>SequenceClassifierOutput</c>: the loss when labels were given, and [batch, num_labels] logits.</summary>
public sealed record SequenceClassifierOutput(Tensor? Loss, Tensor Logits) : ModelOutput(Loss, Logits);
