using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`model:` with model_type distilbert — DistilBertConfig's keys.</summary>
internal static class DistilBertSection
{
    public static DistilBertSpec Read(MappingReader r)
    {
        var d = new DistilBertSpec();
        return new DistilBertSpec
        {
            VocabSize = r.Read("vocab_size", d.VocabSize, ScalarTypes.Integer),
            MaxPositionEmbeddings = r.Read("max_position_embeddings", d.MaxPositionEmbeddings, ScalarTypes.Integer),
            SinusoidalPosEmbds = r.Read("sinusoidal_pos_embds", d.SinusoidalPosEmbds, ScalarTypes.Boolean),
            NLayers = r.Read("n_layers", d.NLayers, ScalarTypes.Integer),
            NHeads = r.Read("n_heads", d.NHeads, ScalarTypes.Integer),
            Dim = r.Read("dim", d.Dim, ScalarTypes.Integer),
            HiddenDim = r.Read("hidden_dim", d.HiddenDim, ScalarTypes.Integer),
            Dropout = r.Read("dropout", d.Dropout, ScalarTypes.Number),
            AttentionDropout = r.Read("attention_dropout", d.AttentionDropout, ScalarTypes.Number),
            Activation = r.Read("activation", d.Activation, ModelSection.Activation),
            InitializerRange = r.Read("initializer_range", d.InitializerRange, ScalarTypes.Number),
            SeqClassifDropout = r.Read("seq_classif_dropout", d.SeqClassifDropout, ScalarTypes.Number),
            PadTokenId = r.Read("pad_token_id", d.PadTokenId, ScalarTypes.Integer),
        };
    }
}
