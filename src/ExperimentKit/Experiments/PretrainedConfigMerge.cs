using System.Globalization;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// The config of a run that starts from a checkpoint: config.json's architecture, which a key written in the
/// YAML may repeat but never contradict (the weights would not fit), plus the YAML's training-time settings
/// (dropouts, initializer range), which override it as from_pretrained's keyword arguments do.
/// </summary>
public static class PretrainedConfigMerge
{
    public const string ContradictionId = "EK0401";

    private static readonly (string Key, Func<ModelSpec, object> Yaml, Func<BertConfig, object> Checkpoint)[] ArchitectureKeys =
    [
        ("model_type", m => m.ModelType, c => c.ModelType),
        ("vocab_size", m => m.VocabSize, c => c.VocabSize),
        ("hidden_size", m => m.HiddenSize, c => c.HiddenSize),
        ("num_hidden_layers", m => m.NumHiddenLayers, c => c.NumHiddenLayers),
        ("num_attention_heads", m => m.NumAttentionHeads, c => c.NumAttentionHeads),
        ("intermediate_size", m => m.IntermediateSize, c => c.IntermediateSize),
        ("hidden_act", m => m.HiddenAct, c => c.HiddenAct),
        ("max_position_embeddings", m => m.MaxPositionEmbeddings, c => c.MaxPositionEmbeddings),
        ("type_vocab_size", m => m.TypeVocabSize, c => c.TypeVocabSize),
        ("layer_norm_eps", m => m.LayerNormEps, c => c.LayerNormEps),
        ("pad_token_id", m => m.PadTokenId, c => c.PadTokenId),
    ];

    public static BertConfig Apply(BertConfig checkpoint, string checkpointConfigFile, ModelSpec yaml, SourceMap locations)
    {
        foreach (var (key, fromYaml, fromCheckpoint) in ArchitectureKeys)
        {
            var path = "model." + key;
            if (Written(locations, path) && !Equals(fromYaml(yaml), fromCheckpoint(checkpoint)))
            {
                throw new ExperimentConfigurationException(
                    locations.FilePath,
                    locations.Find(path),
                    ContradictionId,
                    $"model.{key} is {Text(fromYaml(yaml))} here but {Text(fromCheckpoint(checkpoint))} in {checkpointConfigFile}; "
                    + $"the pretrained weights have the checkpoint's architecture. Remove the key or make it {Text(fromCheckpoint(checkpoint))}.");
            }
        }

        return checkpoint with
        {
            HiddenDropoutProb = Written(locations, "model.hidden_dropout_prob") ? yaml.HiddenDropoutProb : checkpoint.HiddenDropoutProb,
            AttentionProbsDropoutProb = Written(locations, "model.attention_probs_dropout_prob") ? yaml.AttentionProbsDropoutProb : checkpoint.AttentionProbsDropoutProb,
            ClassifierDropout = Written(locations, "model.classifier_dropout") ? yaml.ClassifierDropout : checkpoint.ClassifierDropout,
            InitializerRange = Written(locations, "model.initializer_range") ? yaml.InitializerRange : checkpoint.InitializerRange,
        };
    }

    private static bool Written(SourceMap locations, string path) => locations.Paths.Contains(path, StringComparer.Ordinal);

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
