using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>MaskedLMOutput</c>: the loss over labelled tokens (-100 ignored), and [batch, seq, vocab_size] logits.</summary>
public sealed record MaskedLMOutput(Tensor? Loss, Tensor Logits) : ModelOutput(Loss, Logits);
