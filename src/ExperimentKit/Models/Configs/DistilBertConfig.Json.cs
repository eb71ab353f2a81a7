using System.Text.Json.Nodes;

namespace ExperimentKit.Models;

/// <summary>DistilBERT's own config.json keys; the shared ones and the file layout are <see cref="PretrainedConfig"/>'s.</summary>
public sealed partial record DistilBertConfig
{
    public static new DistilBertConfig Load(string path) => FromJson(ReadFile(path), path);

    /// <param name="source">Names the file in error messages.</param>
    public static new DistilBertConfig FromJson(string json, string source = "config.json") => Read(ConfigReader.Parse(json, source));

    internal static DistilBertConfig Read(ConfigReader reader)
    {
        var defaults = new DistilBertConfig();
        var config = new DistilBertConfig
        {
            ModelType = reader.String("model_type") ?? defaults.ModelType,
            VocabSize = reader.Int("vocab_size") ?? defaults.VocabSize,
            MaxPositionEmbeddings = reader.Int("max_position_embeddings") ?? defaults.MaxPositionEmbeddings,
            SinusoidalPosEmbds = reader.Bool("sinusoidal_pos_embds") ?? defaults.SinusoidalPosEmbds,
            NLayers = reader.Int("n_layers") ?? defaults.NLayers,
            NHeads = reader.Int("n_heads") ?? defaults.NHeads,
            Dim = reader.Int("dim") ?? defaults.Dim,
            HiddenDim = reader.Int("hidden_dim") ?? defaults.HiddenDim,
            Dropout = reader.Double("dropout") ?? defaults.Dropout,
            AttentionDropout = reader.Double("attention_dropout") ?? defaults.AttentionDropout,
            Activation = reader.String("activation") ?? defaults.Activation,
            InitializerRange = reader.Double("initializer_range") ?? defaults.InitializerRange,
            QaDropout = reader.Double("qa_dropout") ?? defaults.QaDropout,
            SeqClassifDropout = reader.Double("seq_classif_dropout") ?? defaults.SeqClassifDropout,
            PadTokenId = reader.Int("pad_token_id") ?? defaults.PadTokenId,
        };
        return (DistilBertConfig)config.WithSharedKeys(reader);
    }

    private protected override void WriteKeys(IDictionary<string, JsonNode?> keys)
    {
        keys["activation"] = Activation;
        keys["attention_dropout"] = AttentionDropout;
        keys["dim"] = Dim;
        keys["dropout"] = Dropout;
        keys["hidden_dim"] = HiddenDim;
        keys["initializer_range"] = InitializerRange;
        keys["max_position_embeddings"] = MaxPositionEmbeddings;
        keys["model_type"] = ModelType;
        keys["n_heads"] = NHeads;
        keys["n_layers"] = NLayers;
        keys["pad_token_id"] = PadTokenId;
        keys["qa_dropout"] = QaDropout;
        keys["seq_classif_dropout"] = SeqClassifDropout;
        keys["sinusoidal_pos_embds"] = SinusoidalPosEmbds;
        keys["vocab_size"] = VocabSize;
    }
}
