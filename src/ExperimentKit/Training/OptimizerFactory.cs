using ExperimentKit.Schema.Model;
using TorchSharp;
using TorchSharp.Modules;

namespace ExperimentKit.Training;

/// <summary>
/// AdamW with the Trainer's two parameter groups: weight decay on weights, never on biases or LayerNorm
/// parameters (transformers' get_decay_parameter_names).
/// </summary>
public static class OptimizerFactory
{
    public static AdamW CreateAdamW(torch.nn.Module model, TrainingSpec args)
    {
        var named = model.named_parameters().Where(p => p.parameter.requires_grad).ToArray();
        var decay = named.Where(p => DecaysWeight(p.name)).Select(p => p.parameter).ToArray();
        var noDecay = named.Where(p => !DecaysWeight(p.name)).Select(p => p.parameter).ToArray();

        var groups = new List<AdamW.ParamGroup>();
        if (decay.Length > 0)
        {
            groups.Add(new AdamW.ParamGroup(decay, args.LearningRate, args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, args.WeightDecay, false, false));
        }

        if (noDecay.Length > 0)
        {
            groups.Add(new AdamW.ParamGroup(noDecay, args.LearningRate, args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, 0.0, false, false));
        }

        return torch.optim.AdamW(groups, args.LearningRate, args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, args.WeightDecay, false, false);
    }

    /// <summary>Biases and every LayerNorm parameter are exempt from weight decay.</summary>
    public static bool DecaysWeight(string parameterName) =>
        !parameterName.EndsWith(".bias", StringComparison.Ordinal)
        && !parameterName.Contains("LayerNorm", StringComparison.Ordinal)
        && !parameterName.Contains("layer_norm", StringComparison.Ordinal);
}
