using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// torch.optim.AdamW (decoupled weight decay, bias-corrected moments; amsgrad and maximize off) computed by the same
/// LibTorch calls, in the same order, as TorchSharp 0.107's AdamW, so the two agree to the last bit on CPU. It exists
/// because TorchSharp's passes β, ε and the learning rate as Scalars that nobody owns (see
/// generators/ExperimentKit.Analyzers): every Scalar here is made by <c>ToScalar</c> and disposed after the calls that
/// read it. The state file is TorchSharp's format (<see cref="Save"/>), so checkpoints move between the two.
/// </summary>
public sealed partial class AdamW : IDisposable
{
    private readonly AdamWParamGroup[] groups;

    public AdamW(IEnumerable<AdamWParamGroup> paramGroups)
    {
        ArgumentNullException.ThrowIfNull(paramGroups);
        groups = [.. paramGroups];
    }

    public IReadOnlyList<AdamWParamGroup> ParamGroups => groups;

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        foreach (var group in groups)
        {
            var (beta1, beta2, epsilon, weightDecay) = group.Hyperparameters;
            var lr = group.LearningRate;
            using var decay = (1 - (lr * weightDecay)).ToScalar();
            using var beta1Scalar = beta1.ToScalar();
            using var beta2Scalar = beta2.ToScalar();
            using var gradientWeight = (1 - beta1).ToScalar();
            using var squareWeight = (1 - beta2).ToScalar();
            using var epsilonScalar = epsilon.ToScalar();
            for (var i = 0; i < group.Parameters.Count; i++)
            {
                var parameter = group.Parameters[i];
                var state = group.States[i];
                if (parameter.grad is not { } grad)
                {
                    continue;
                }

                state.Step++;
                parameter.mul_(decay);
                var biasCorrection1 = 1 - Math.Pow(beta1, state.Step);
                var biasCorrection2 = 1 - Math.Pow(beta2, state.Step);
                state.ExpAvg.mul_(beta1Scalar).add_(grad, gradientWeight);
                state.ExpAvgSq.mul_(beta2Scalar).addcmul_(grad, grad, squareWeight);
                using var correction2Root = Math.Sqrt(biasCorrection2).ToScalar();
                var denominator = state.ExpAvgSq.sqrt().div(correction2Root).add_(epsilonScalar, OwnedScalars.One);
                using var stepSize = (-(lr / biasCorrection1)).ToScalar();
                parameter.addcdiv_(state.ExpAvg, denominator, stepSize);
            }
        }
    }

    /// <summary>Zeroes the gradients in place, as TorchSharp's optimizers do (not set_to_none).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in groups.SelectMany(g => g.Parameters))
        {
            using var grad = parameter.grad;
            grad?.zero_();
        }
    }

    public void Dispose()
    {
        foreach (var state in groups.SelectMany(g => g.States))
        {
            state.Dispose();
        }
    }
}
