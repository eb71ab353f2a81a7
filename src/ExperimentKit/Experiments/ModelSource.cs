using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Schema.Model;
using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>
/// Where a run's model comes from: the YAML's BertConfig (random initialisation), or a pretrained checkpoint
/// whose config.json gives the architecture and whose weights are loaded after the model is built.
/// </summary>
public sealed record ModelSource(BertConfig Config, PretrainedFolder? Pretrained)
{
    /// <summary>The base model's prefix in a model with a head (BertForSequenceClassification.bert).</summary>
    private const string BasePrefix = "bert.";

    public static ModelSource Resolve(ExperimentSpec spec, IAnsiConsole console)
    {
        if (spec.Model.PretrainedModelNameOrPath is not { } nameOrPath)
        {
            return new ModelSource(BertConfig.FromSpec(spec.Model), null);
        }

        var folder = PretrainedResolver.Resolve(nameOrPath, HubCache.FromEnvironment(), spec.Model.Revision, message => console.WriteLine(message));
        var config = PretrainedConfigMerge.Apply(BertConfig.Load(folder.Config), folder.Config, spec.Model, spec.Locations);
        console.MarkupLineInterpolated($"Pretrained checkpoint: [blue]{folder.Path}[/]");
        return new ModelSource(config, folder);
    }

    /// <summary>
    /// from_pretrained's weight loading: checkpoint names map onto the model's, adding the `bert.` prefix of a base
    /// model checkpoint; what the checkpoint lacks stays newly initialised and is reported, as transformers does.
    /// </summary>
    public LoadReport? LoadWeights(TorchSharp.torch.nn.Module model, IAnsiConsole console)
    {
        if (Pretrained is null)
        {
            return null;
        }

        var modelNames = model.state_dict().Keys.ToHashSet(StringComparer.Ordinal);
        using var weights = Pretrained.OpenWeights();
        var report = ModelCheckpoint.Load(model, weights, name => ToModelName(name, modelNames));
        var modelName = model.GetType().Name;
        if (report.Missing.Count > 0)
        {
            console.WriteLine($"Some weights of {modelName} were not initialized from the model checkpoint at {Pretrained.Path} and are newly initialized: [{string.Join(", ", report.Missing)}]. You should probably TRAIN this model on a down-stream task to be able to use it for predictions and inference.");
        }

        if (report.Unexpected.Count > 0)
        {
            console.WriteLine($"Some weights of the model checkpoint at {Pretrained.Path} were not used when initializing {modelName}: [{string.Join(", ", report.Unexpected)}].");
        }

        return report;
    }

    /// <summary>
    /// transformers' base-model-prefix rule: a BertModel checkpoint loads into a model with a head by gaining `bert.`,
    /// and a checkpoint with a head loads into a bare BertModel by losing it.
    /// </summary>
    private static string ToModelName(string checkpointName, HashSet<string> modelNames)
    {
        if (modelNames.Contains(checkpointName))
        {
            return checkpointName;
        }

        if (modelNames.Contains(BasePrefix + checkpointName))
        {
            return BasePrefix + checkpointName;
        }

        return checkpointName.StartsWith(BasePrefix, StringComparison.Ordinal) && modelNames.Contains(checkpointName[BasePrefix.Length..])
            ? checkpointName[BasePrefix.Length..]
            : checkpointName;
    }
}
