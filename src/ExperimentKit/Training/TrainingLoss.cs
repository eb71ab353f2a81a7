using ExperimentKit.Models;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// The loss the Trainer optimizes and reports: the model's own, or with label_smoothing_factor the Trainer's
/// LabelSmoother: cross-entropy against the smoothed targets over every labelled position (per example, or per token
/// with -100 skipped). The schema allows smoothing only for heads whose labels are class ids.
/// </summary>
public sealed class TrainingLoss(double labelSmoothingFactor)
{
    public Tensor Of(ModelOutput output, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (labelSmoothingFactor == 0)
        {
            return output.Loss ?? throw new InvalidOperationException("The model returned no loss although labels were given.");
        }

        var logits = output.Logits;
        return nn.functional.cross_entropy(
            logits.view(-1, logits.shape[^1]),
            labels.view(-1).to_type(ScalarType.Int64),
            ignore_index: -100,
            label_smoothing: labelSmoothingFactor);
    }
}
