using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>TokenClassifierOutput</c>: the loss over labelled tokens (-100 ignored), and [batch, seq, num_labels] logits.</summary>
public sealed record TokenClassifierOutput(Tensor? Loss, Tensor Logits) : ModelOutput(Loss, Logits);
