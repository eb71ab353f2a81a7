using ExperimentKit.Models;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// The loss the Trainer optimizes and reports: the model's own, or with label_smoothing_factor the Trainer's
/// LabelSmoother, which for single-label classification is cross-entropy against the smoothed targets.
/// </summary>
public sealed class TrainingLoss(double labelSmoothingFactor)
{
    public Tensor Of(SequenceClassifierOutput output, Tensor labels)
    {
        if (labelSmoothingFactor == 0)
        {
            return output.Loss ?? throw new InvalidOperationException("The model returned no loss although labels were given.");
        }

        var logits = output.Logits;
        return nn.functional.cross_entropy(
            logits.view(-1, logits.shape[^1]),
            labels.view(-1).to_type(ScalarType.Int64),
            label_smoothing: labelSmoothingFactor);
    }
}
