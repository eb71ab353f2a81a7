using System.Text.Json.Nodes;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// The config of a run that starts from a checkpoint: config.json's architecture, which a key written in the
/// YAML may repeat but never contradict (the weights would not fit), plus the YAML's training-time settings
/// (dropouts, initializer range), which override it by name as from_pretrained's keyword arguments do.
/// </summary>
public static class PretrainedConfigMerge
{
    public const string ContradictionId = "EK0401";

    public static PretrainedConfig Apply(PretrainedConfig checkpoint, string checkpointConfigFile, ModelSpec yaml, SourceMap locations)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(locations);
        CheckModelType(checkpoint, checkpointConfigFile, yaml, locations);

        // Both sides as config.json keys, so one rule compares and overrides every architecture's keys by their HF names.
        var keys = ConfigKeyTable.For(yaml.ModelType);
        var merged = JsonNode.Parse(checkpoint.ToJson())!.AsObject();
        var written = JsonNode.Parse(ModelConfigs.FromSpec(yaml).ToJson())!.AsObject();
        foreach (var key in keys.ModelSectionNames(ConfigKeyRole.Architecture).Where(key => Written(locations, key) && !JsonNode.DeepEquals(written[key], merged[key])))
        {
            throw new ExperimentConfigurationException(
                locations.FilePath,
                locations.Find("model." + key),
                ContradictionId,
                $"model.{key} is {Text(written[key])} here but {Text(merged[key])} in {checkpointConfigFile}; "
                + $"the pretrained weights have the checkpoint's architecture. Remove the key or make it {Text(merged[key])}.");
        }

        foreach (var key in keys.ModelSectionNames(ConfigKeyRole.TrainingTime).Where(key => Written(locations, key)))
        {
            merged[key] = written[key]?.DeepClone();
        }

        return PretrainedConfig.FromJson(merged.ToJsonString(), checkpointConfigFile);
    }

    /// <summary>The experiment was compiled for the YAML's model_type (bert unless written); a checkpoint of another cannot load into it.</summary>
    private static void CheckModelType(PretrainedConfig checkpoint, string checkpointConfigFile, ModelSpec yaml, SourceMap locations)
    {
        if (checkpoint.ModelType == yaml.ModelType)
        {
            return;
        }

        var written = Written(locations, "model_type");
        throw new ExperimentConfigurationException(
            locations.FilePath,
            locations.Find("model.model_type"),
            ContradictionId,
            $"{checkpointConfigFile} is a '{checkpoint.ModelType}' checkpoint, but this experiment is model_type '{yaml.ModelType}'{(written ? "" : " (the default)")}; "
            + $"write 'model_type: {checkpoint.ModelType}' in 'model:' (with that architecture's keys) so it builds a model the weights fit.");
    }

    private static bool Written(SourceMap locations, string key) => locations.Paths.Contains("model." + key, StringComparer.Ordinal);

    /// <summary>A config value as the YAML would spell it: strings unquoted.</summary>
    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out string? text) ? text : value?.ToJsonString() ?? "null";
}
