namespace ExperimentKit.Models;

/// <summary>
/// What transformers' <c>PreTrainedModel</c> gives every model of an architecture: the config it was built from, and
/// the name its encoder goes by inside a model with a head.
/// </summary>
public interface IPretrainedModel<TConfig>
    where TConfig : PretrainedConfig
{
    /// <summary>
    /// HF <c>base_model_prefix</c>: the child a model with a head holds its encoder under ("bert", "distilbert"), so a
    /// bare encoder's checkpoint names gain it when they load into a classifier.
    /// </summary>
    static abstract string BaseModelPrefix { get; }

    /// <summary>The config as it belongs in this model's config.json.</summary>
    TConfig Config { get; }
}
