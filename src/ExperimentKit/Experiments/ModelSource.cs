using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Schema.Model;
using ExperimentKit.Runs;
using ExperimentKit.Tasks;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// Where a run's model comes from: the YAML's config keys (random initialisation), or a pretrained checkpoint
/// whose config.json gives the architecture and whose weights are loaded after the model is built.
/// </summary>
/// <typeparam name="TConfig">The config type of the architecture the experiment was compiled for (its model_type).</typeparam>
public sealed record ModelSource<TConfig>(TConfig Config, PretrainedFolder? Pretrained)
    where TConfig : PretrainedConfig
{
    /// <summary>The run's config, labelled by the task (id2label, problem_type), and the checkpoint folder, if any.</summary>
    public static ModelSource<TConfig> Resolve(ExperimentSpec spec, IExperimentTask task, IRunReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(reporter);
        if (spec.Model.PretrainedModelNameOrPath is not { } nameOrPath)
        {
            return Labelled(ModelConfigs.FromSpec(spec.Model), null, spec, task);
        }

        var folder = PretrainedResolver.Resolve(nameOrPath, HubCache.FromEnvironment(), spec.Model.Revision, reporter.Line);
        var config = PretrainedConfigMerge.Apply(PretrainedConfig.Load(folder.Config), folder.Config, spec.Model, spec.Locations);
        reporter.Line($"Pretrained checkpoint: {folder.Path}");
        return Labelled(config, folder, spec, task);
    }

    /// <summary>
    /// from_pretrained's weight loading: checkpoint names map onto the model's, adding the model's base prefix
    /// (<c>bert.</c>, <c>distilbert.</c>) to a base model checkpoint's; what the checkpoint lacks stays newly
    /// initialised and is reported, as transformers does.
    /// </summary>
    public LoadReport? LoadWeights<TModel>(TModel model, IRunReporter reporter)
        where TModel : torch.nn.Module, IPretrainedModel<TConfig>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reporter);
        if (Pretrained is null)
        {
            return null;
        }

        var modelNames = model.state_dict().Keys.ToHashSet(StringComparer.Ordinal);
        var prefix = TModel.BaseModelPrefix + ".";
        using var weights = Pretrained.OpenWeights();
        var report = ModelCheckpoint.Load(model, weights, name => ToModelName(name, modelNames, prefix));
        var modelName = model.GetType().Name;
        if (report.Missing.Count > 0)
        {
            reporter.Line($"Some weights of {modelName} were not initialized from the model checkpoint at {Pretrained.Path} and are newly initialized: [{string.Join(", ", report.Missing)}]. You should probably TRAIN this model on a down-stream task to be able to use it for predictions and inference.");
        }

        if (report.Unexpected.Count > 0)
        {
            reporter.Line($"Some weights of the model checkpoint at {Pretrained.Path} were not used when initializing {modelName}: [{string.Join(", ", report.Unexpected)}].");
        }

        return report;
    }

    /// <summary>A config type other than the compiled one means the build is older than the YAML.</summary>
    private static ModelSource<TConfig> Labelled(PretrainedConfig config, PretrainedFolder? folder, ExperimentSpec spec, IExperimentTask task) =>
        new(
            task.Configure(config) as TConfig ?? throw new InvalidOperationException(
                $"The experiment was compiled for {typeof(TConfig).Name} but its YAML now says model_type '{spec.Model.ModelType}'. Rebuild so the experiment is compiled from the current YAML."),
            folder);

    /// <summary>
    /// transformers' base-model-prefix rule: a base model checkpoint loads into a model with a head by gaining the
    /// prefix, and a checkpoint with a head loads into a bare base model by losing it.
    /// </summary>
    internal static string ToModelName(string checkpointName, HashSet<string> modelNames, string prefix)
    {
        if (modelNames.Contains(checkpointName))
        {
            return checkpointName;
        }

        if (modelNames.Contains(prefix + checkpointName))
        {
            return prefix + checkpointName;
        }

        return checkpointName.StartsWith(prefix, StringComparison.Ordinal) && modelNames.Contains(checkpointName[prefix.Length..])
            ? checkpointName[prefix.Length..]
            : checkpointName;
    }
}
