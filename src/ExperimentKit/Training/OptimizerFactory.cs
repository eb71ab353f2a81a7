using ExperimentKit.Schema.Model;
using TorchSharp;

namespace ExperimentKit.Training;

/// <summary>
/// AdamW with the Trainer's two parameter groups: weight decay on weights, never on biases or LayerNorm
/// parameters (transformers' get_decay_parameter_names).
/// </summary>
public static class OptimizerFactory
{
    public static AdamW CreateAdamW(torch.nn.Module model, TrainingSpec args)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(args);
        var named = model.named_parameters().Where(p => p.parameter.requires_grad).ToArray();
        var decay = named.Where(p => DecaysWeight(p.name)).Select(p => p.parameter).ToArray();
        var noDecay = named.Where(p => !DecaysWeight(p.name)).Select(p => p.parameter).ToArray();

        var groups = new List<AdamWParamGroup>();
        if (decay.Length > 0)
        {
            groups.Add(new AdamWParamGroup(decay, args.LearningRate, new AdamWHyperparameters(args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, args.WeightDecay)));
        }

        if (noDecay.Length > 0)
        {
            groups.Add(new AdamWParamGroup(noDecay, args.LearningRate, new AdamWHyperparameters(args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, 0.0)));
        }

        return new AdamW(groups);
    }

    /// <summary>Biases and every LayerNorm parameter are exempt from weight decay.</summary>
    public static bool DecaysWeight(string parameterName) =>
        !parameterName.EndsWith(".bias", StringComparison.Ordinal)
        && !parameterName.Contains("LayerNorm", StringComparison.Ordinal)
        && !parameterName.Contains("layer_norm", StringComparison.Ordinal);
}
