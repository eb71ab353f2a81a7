using System.Text.Json.Nodes;
using ExperimentKit.Models;

namespace ExperimentKit.Tests.Models;

public sealed class DistilBertConfigTests
{
    /// <summary>distilbert-base-uncased's config.json as published on the hub.</summary>
    internal const string HuggingFaceBaseConfig = """
        {
          "activation": "gelu",
          "architectures": [
            "DistilBertForMaskedLM"
          ],
          "attention_dropout": 0.1,
          "dim": 768,
          "dropout": 0.1,
          "hidden_dim": 3072,
          "initializer_range": 0.02,
          "max_position_embeddings": 512,
          "model_type": "distilbert",
          "n_heads": 12,
          "n_layers": 6,
          "pad_token_id": 0,
          "qa_dropout": 0.1,
          "seq_classif_dropout": 0.2,
          "sinusoidal_pos_embds": false,
          "tie_weights_": true,
          "transformers_version": "4.10.0.dev0",
          "vocab_size": 30522
        }
        """;

    [Fact]
    public void Defaults_are_hugging_face_distilbert_config_defaults()
    {
        var config = new DistilBertConfig();

        Assert.Equal(
            (30522, 512, false, 6, 12, 768, 3072, 0.1, 0.1, "gelu", 0.02, 0.1, 0.2, 0, "distilbert"),
            (config.VocabSize, config.MaxPositionEmbeddings, config.SinusoidalPosEmbds, config.NLayers, config.NHeads, config.Dim,
             config.HiddenDim, config.Dropout, config.AttentionDropout, config.Activation, config.InitializerRange, config.QaDropout,
             config.SeqClassifDropout, config.PadTokenId, config.ModelType));
        Assert.Equal(config with { }, DistilBertConfig.FromJson(HuggingFaceBaseConfig) with { Architectures = [], Extra = [] });
    }

    [Fact]
    public void A_transformers_config_reads_and_writes_back_with_its_unknown_keys()
    {
        var config = DistilBertConfig.FromJson(HuggingFaceBaseConfig).WithLabelNames(["NEGATIVE", "POSITIVE"]);

        Assert.Equal<string>(["DistilBertForMaskedLM"], config.Architectures);
        Assert.True(config.Extra["tie_weights_"]!.GetValue<bool>());

        var written = JsonNode.Parse(config.ToJson())!.AsObject();
        var original = JsonNode.Parse(HuggingFaceBaseConfig)!.AsObject();
        foreach (var (key, value) in original.Where(kv => kv.Key != "transformers_version"))
        {
            Assert.True(JsonNode.DeepEquals(value, written[key]), $"{key}: {value?.ToJsonString()} vs {written[key]?.ToJsonString()}");
        }

        // The writing release, not the reading one (4.10.0.dev0 here), as save_pretrained writes it.
        Assert.Equal(PretrainedConfig.TransformersVersion, (string?)written["transformers_version"]);

        Assert.Equal("POSITIVE", written["id2label"]!["1"]!.GetValue<string>());
        Assert.Equal(config, DistilBertConfig.FromJson(config.ToJson()));
        Assert.Equal(written.Select(kv => kv.Key).Order(StringComparer.Ordinal), written.Select(kv => kv.Key));
    }

    [Fact]
    public void An_impossible_config_is_refused_when_a_model_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new DistilBertModel(new DistilBertConfig { Dim = 30, NHeads = 4 }));

        Assert.Contains("dim (30) must be a positive multiple of n_heads (4)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DistilBertModel(new DistilBertConfig { SinusoidalPosEmbds = true }));
    }
}
