using TorchSharp;
using TorchSharp.Modules;

namespace ExperimentKit.Training;

/// <summary>
/// torch.amp.GradScaler for fp16, which TorchSharp 0.107 lacks: the loss is multiplied by a scale before backward so
/// small float16 gradients do not flush to zero, the gradients are divided by it before clipping, and a step whose
/// gradients overflowed is skipped and halves the scale; 2,000 finite steps in a row double it (torch's defaults).
/// </summary>
public sealed class GradScaler(double scale = GradScaler.InitialScale, int growthTracker = 0)
{
    public const double InitialScale = 65536.0;
    private const double GrowthFactor = 2.0;
    private const double BackoffFactor = 0.5;
    private const int GrowthInterval = 2000;

    public double Scale { get; private set; } = scale;

    /// <summary>Finite steps since the scale last changed.</summary>
    public int GrowthTracker { get; private set; } = growthTracker;

    public torch.Tensor ScaleLoss(torch.Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        using var factor = Scale.ToScalar();
        return loss.mul(factor);
    }

    /// <summary>Divides every gradient by the scale, in place (torch's unscale_), so clipping sees true magnitudes.</summary>
    public void Unscale(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var inverse = (1.0 / Scale).ToScalar();
        foreach (var parameter in parameters)
        {
            using var grad = parameter.grad;
            grad?.mul_(inverse);
        }
    }

    /// <summary>Adjusts the scale after a step's gradients were found finite or not; true when the optimizer should step.</summary>
    public bool Update(bool gradientsFinite)
    {
        if (!gradientsFinite)
        {
            Scale *= BackoffFactor;
            GrowthTracker = 0;
            return false;
        }

        if (++GrowthTracker == GrowthInterval)
        {
            Scale *= GrowthFactor;
            GrowthTracker = 0;
        }

        return true;
    }
}
