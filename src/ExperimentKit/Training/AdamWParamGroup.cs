using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// A parameter group of <see cref="AdamW"/>: its parameters, their moment estimates, its settings and its learning
/// rate, which the scheduler sets before each step.
/// </summary>
public sealed class AdamWParamGroup
{
    public AdamWParamGroup(IReadOnlyList<Parameter> parameters, double learningRate, AdamWHyperparameters hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
        Hyperparameters = hyperparameters;
        States = [.. parameters.Select(p => new AdamWParameterState(p))];
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public double LearningRate { get; set; }

    /// <summary>The rate the group started with; kept only because TorchSharp's optimizer file records it.</summary>
    public double InitialLearningRate { get; internal set; }

    public AdamWHyperparameters Hyperparameters { get; internal set; }

    /// <summary>One per parameter, in the same order.</summary>
    internal IReadOnlyList<AdamWParameterState> States { get; }
}
