using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>MultipleChoiceModelOutput</c>: the loss when labels were given, and [batch, num_choices] logits.</summary>
public sealed record MultipleChoiceModelOutput(Tensor? Loss, Tensor Logits) : ModelOutput(Loss, Logits);
