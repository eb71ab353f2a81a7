using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`model:` with model_type bert — BertConfig's keys.</summary>
internal static class BertSection
{
    private static readonly ScalarType<string> ClassifierPooling = ScalarTypes.OneOf(ClassifierPoolings.All);

    public static BertSpec Read(MappingReader r)
    {
        var d = new BertSpec();
        return new BertSpec
        {
            VocabSize = r.Read("vocab_size", d.VocabSize, ScalarTypes.Integer),
            HiddenSize = r.Read("hidden_size", d.HiddenSize, ScalarTypes.Integer),
            NumHiddenLayers = r.Read("num_hidden_layers", d.NumHiddenLayers, ScalarTypes.Integer),
            NumAttentionHeads = r.Read("num_attention_heads", d.NumAttentionHeads, ScalarTypes.Integer),
            IntermediateSize = r.Read("intermediate_size", d.IntermediateSize, ScalarTypes.Integer),
            HiddenAct = r.Read("hidden_act", d.HiddenAct, ModelSection.Activation),
            HiddenDropoutProb = r.Read("hidden_dropout_prob", d.HiddenDropoutProb, ScalarTypes.Number),
            AttentionProbsDropoutProb = r.Read("attention_probs_dropout_prob", d.AttentionProbsDropoutProb, ScalarTypes.Number),
            MaxPositionEmbeddings = r.Read("max_position_embeddings", d.MaxPositionEmbeddings, ScalarTypes.Integer),
            TypeVocabSize = r.Read("type_vocab_size", d.TypeVocabSize, ScalarTypes.Integer),
            InitializerRange = r.Read("initializer_range", d.InitializerRange, ScalarTypes.Number),
            LayerNormEps = r.Read("layer_norm_eps", d.LayerNormEps, ScalarTypes.Number),
            PadTokenId = r.Read("pad_token_id", d.PadTokenId, ScalarTypes.Integer),
            ClassifierDropout = r.ReadOptional("classifier_dropout", d.ClassifierDropout, ScalarTypes.Number),
            ClassifierPooling = r.Read("classifier_pooling", d.ClassifierPooling, ClassifierPooling),
        };
    }
}
