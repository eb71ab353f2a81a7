using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`model:` — BertConfig keys.</summary>
internal static class ModelSection
{
    // The activations HF's ACT2FN offers for BERT that the runtime implements (Models/Activations.cs).
    private static readonly ScalarType<string> Activation = ScalarTypes.OneOf("gelu", "gelu_new", "gelu_pytorch_tanh", "relu", "silu", "swish");
    private static readonly ScalarType<string> ModelType = ScalarTypes.OneOf("bert");

    public static ModelSpec Read(MappingReader r)
    {
        var d = new ModelSpec();
        var spec = new ModelSpec
        {
            PretrainedModelNameOrPath = r.ReadOptionalText("pretrained_model_name_or_path", d.PretrainedModelNameOrPath),
            Revision = r.Read("revision", d.Revision, ScalarTypes.Text),
            ModelType = r.Read("model_type", d.ModelType, ModelType),
            VocabSize = r.Read("vocab_size", d.VocabSize, ScalarTypes.Integer),
            HiddenSize = r.Read("hidden_size", d.HiddenSize, ScalarTypes.Integer),
            NumHiddenLayers = r.Read("num_hidden_layers", d.NumHiddenLayers, ScalarTypes.Integer),
            NumAttentionHeads = r.Read("num_attention_heads", d.NumAttentionHeads, ScalarTypes.Integer),
            IntermediateSize = r.Read("intermediate_size", d.IntermediateSize, ScalarTypes.Integer),
            HiddenAct = r.Read("hidden_act", d.HiddenAct, Activation),
            HiddenDropoutProb = r.Read("hidden_dropout_prob", d.HiddenDropoutProb, ScalarTypes.Number),
            AttentionProbsDropoutProb = r.Read("attention_probs_dropout_prob", d.AttentionProbsDropoutProb, ScalarTypes.Number),
            MaxPositionEmbeddings = r.Read("max_position_embeddings", d.MaxPositionEmbeddings, ScalarTypes.Integer),
            TypeVocabSize = r.Read("type_vocab_size", d.TypeVocabSize, ScalarTypes.Integer),
            InitializerRange = r.Read("initializer_range", d.InitializerRange, ScalarTypes.Number),
            LayerNormEps = r.Read("layer_norm_eps", d.LayerNormEps, ScalarTypes.Number),
            PadTokenId = r.Read("pad_token_id", d.PadTokenId, ScalarTypes.Integer),
            ClassifierDropout = r.ReadOptional("classifier_dropout", d.ClassifierDropout, ScalarTypes.Number),
        };
        r.ReportUnknownKeys();
        return spec;
    }
}
