using ExperimentKit.Models;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// The config of a model built from scratch from the YAML's `model:` section, as the type its model_type names.
/// Here rather than in Models/, so the models know their configs and not the YAML schema.
/// </summary>
public static class ModelConfigs
{
    public static PretrainedConfig FromSpec(ModelSpec spec) => spec switch
    {
        BertSpec bert => FromSpec(bert),
        DistilBertSpec distilBert => FromSpec(distilBert),
        _ => throw new NotSupportedException($"model_type '{spec?.ModelType}' has no config type."),
    };

    public static BertConfig FromSpec(BertSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var config = new BertConfig
        {
            VocabSize = spec.VocabSize,
            HiddenSize = spec.HiddenSize,
            NumHiddenLayers = spec.NumHiddenLayers,
            NumAttentionHeads = spec.NumAttentionHeads,
            IntermediateSize = spec.IntermediateSize,
            HiddenAct = spec.HiddenAct,
            HiddenDropoutProb = spec.HiddenDropoutProb,
            AttentionProbsDropoutProb = spec.AttentionProbsDropoutProb,
            MaxPositionEmbeddings = spec.MaxPositionEmbeddings,
            TypeVocabSize = spec.TypeVocabSize,
            InitializerRange = spec.InitializerRange,
            LayerNormEps = spec.LayerNormEps,
            PadTokenId = spec.PadTokenId,
            ClassifierDropout = spec.ClassifierDropout,
            ClassifierPooling = spec.ClassifierPooling,
        };
        config.Validate();
        return config;
    }

    public static DistilBertConfig FromSpec(DistilBertSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var config = new DistilBertConfig
        {
            VocabSize = spec.VocabSize,
            MaxPositionEmbeddings = spec.MaxPositionEmbeddings,
            SinusoidalPosEmbds = spec.SinusoidalPosEmbds,
            NLayers = spec.NLayers,
            NHeads = spec.NHeads,
            Dim = spec.Dim,
            HiddenDim = spec.HiddenDim,
            Dropout = spec.Dropout,
            AttentionDropout = spec.AttentionDropout,
            Activation = spec.Activation,
            InitializerRange = spec.InitializerRange,
            SeqClassifDropout = spec.SeqClassifDropout,
            PadTokenId = spec.PadTokenId,
        };
        config.Validate();
        return config;
    }
}
