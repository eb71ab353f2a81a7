using System.Text.Json.Nodes;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Models;

/// <summary>BERT's own config.json keys; the shared ones and the file layout are <see cref="PretrainedConfig"/>'s.</summary>
public sealed partial record BertConfig
{
    public static new BertConfig Load(string path) => FromJson(ReadFile(path), path);

    /// <param name="source">Names the file in error messages.</param>
    public static new BertConfig FromJson(string json, string source = "config.json") => Read(ConfigReader.Parse(json, source));

    internal static BertConfig Read(ConfigReader reader)
    {
        var defaults = new BertConfig();
        var config = new BertConfig
        {
            ModelType = reader.String("model_type") ?? defaults.ModelType,
            VocabSize = reader.Int("vocab_size") ?? defaults.VocabSize,
            HiddenSize = reader.Int("hidden_size") ?? defaults.HiddenSize,
            NumHiddenLayers = reader.Int("num_hidden_layers") ?? defaults.NumHiddenLayers,
            NumAttentionHeads = reader.Int("num_attention_heads") ?? defaults.NumAttentionHeads,
            IntermediateSize = reader.Int("intermediate_size") ?? defaults.IntermediateSize,
            HiddenAct = reader.String("hidden_act") ?? defaults.HiddenAct,
            HiddenDropoutProb = reader.Double("hidden_dropout_prob") ?? defaults.HiddenDropoutProb,
            AttentionProbsDropoutProb = reader.Double("attention_probs_dropout_prob") ?? defaults.AttentionProbsDropoutProb,
            MaxPositionEmbeddings = reader.Int("max_position_embeddings") ?? defaults.MaxPositionEmbeddings,
            TypeVocabSize = reader.Int("type_vocab_size") ?? defaults.TypeVocabSize,
            InitializerRange = reader.Double("initializer_range") ?? defaults.InitializerRange,
            LayerNormEps = reader.Double("layer_norm_eps") ?? defaults.LayerNormEps,
            PadTokenId = reader.Int("pad_token_id") ?? defaults.PadTokenId,
            PositionEmbeddingType = reader.String("position_embedding_type") ?? defaults.PositionEmbeddingType,
            ClassifierDropout = reader.Double("classifier_dropout"),
            ClassifierPooling = reader.String("classifier_pooling") ?? defaults.ClassifierPooling,
        };
        return (BertConfig)config.WithSharedKeys(reader);
    }

    private protected override void WriteKeys(IDictionary<string, JsonNode?> keys)
    {
        keys["attention_probs_dropout_prob"] = AttentionProbsDropoutProb;
        keys["classifier_dropout"] = ClassifierDropout;
        if (ClassifierPooling != ClassifierPoolings.Cls)
        {
            // Only when it is not the pooler head, so a checkpoint transformers reproduces carries transformers' keys alone.
            // transformers keeps the key on the config but ignores it: its BERT head always reads the pooler.
            keys["classifier_pooling"] = ClassifierPooling;
        }

        keys["hidden_act"] = HiddenAct;
        keys["hidden_dropout_prob"] = HiddenDropoutProb;
        keys["hidden_size"] = HiddenSize;
        keys["initializer_range"] = InitializerRange;
        keys["intermediate_size"] = IntermediateSize;
        keys["layer_norm_eps"] = LayerNormEps;
        keys["max_position_embeddings"] = MaxPositionEmbeddings;
        keys["model_type"] = ModelType;
        keys["num_attention_heads"] = NumAttentionHeads;
        keys["num_hidden_layers"] = NumHiddenLayers;
        keys["pad_token_id"] = PadTokenId;
        keys["position_embedding_type"] = PositionEmbeddingType;
        keys["type_vocab_size"] = TypeVocabSize;
        keys["vocab_size"] = VocabSize;
    }
}
