using System.Text.Json.Nodes;
using ExperimentKit.Models;

namespace ExperimentKit.Tests.Models;

public sealed class BertConfigTests
{
    /// <summary>A fine-tuned MRPC config.json as transformers 4.x writes it (sorted keys, two-space indent).</summary>
    private const string HuggingFaceMrpcConfig = """
        {
          "_name_or_path": "bert-base-uncased",
          "architectures": [
            "BertForSequenceClassification"
          ],
          "attention_probs_dropout_prob": 0.1,
          "classifier_dropout": null,
          "gradient_checkpointing": false,
          "hidden_act": "gelu",
          "hidden_dropout_prob": 0.1,
          "hidden_size": 768,
          "id2label": {
            "0": "not_equivalent",
            "1": "equivalent"
          },
          "initializer_range": 0.02,
          "intermediate_size": 3072,
          "label2id": {
            "equivalent": 1,
            "not_equivalent": 0
          },
          "layer_norm_eps": 1e-12,
          "max_position_embeddings": 512,
          "model_type": "bert",
          "num_attention_heads": 12,
          "num_hidden_layers": 12,
          "pad_token_id": 0,
          "position_embedding_type": "absolute",
          "problem_type": "single_label_classification",
          "torch_dtype": "float32",
          "transformers_version": "4.44.2",
          "type_vocab_size": 2,
          "use_cache": true,
          "vocab_size": 30522
        }
        """;

    [Fact]
    public void Defaults_are_hugging_face_bert_config_defaults()
    {
        var config = new BertConfig();

        Assert.Equal(
            (30522, 768, 12, 12, 3072, "gelu", 0.1, 0.1, 512, 2, 0.02, 1e-12, 0),
            (config.VocabSize, config.HiddenSize, config.NumHiddenLayers, config.NumAttentionHeads, config.IntermediateSize,
             config.HiddenAct, config.HiddenDropoutProb, config.AttentionProbsDropoutProb, config.MaxPositionEmbeddings,
             config.TypeVocabSize, config.InitializerRange, config.LayerNormEps, config.PadTokenId));
        Assert.Null(config.ClassifierDropout);
    }

    [Fact]
    public void A_transformers_config_reads_and_writes_back_with_its_unknown_keys()
    {
        var config = BertConfig.FromJson(HuggingFaceMrpcConfig);

        Assert.Equal("equivalent", config.Id2Label[1]);
        Assert.Equal(0, config.Label2Id["not_equivalent"]);
        Assert.Equal("single_label_classification", config.ProblemType);
        Assert.Equal<string>(["BertForSequenceClassification"], config.Architectures);
        // transformers_version says which release wrote the file, so a saved config names the layout this writes, as save_pretrained does.
        Assert.False(config.Extra.ContainsKey("transformers_version"));

        var written = JsonNode.Parse(config.ToJson())!.AsObject();
        var original = JsonNode.Parse(HuggingFaceMrpcConfig)!.AsObject();
        var expectedKeys = original.Select(kv => kv.Key).Append("experimentkit_version").Order(StringComparer.Ordinal);
        Assert.Equal(expectedKeys, written.Select(kv => kv.Key));
        foreach (var (key, value) in original)
        {
            Assert.True(JsonNode.DeepEquals(value, written[key]), $"{key}: {value?.ToJsonString()} vs {written[key]?.ToJsonString()}");
        }

        Assert.Equal(PretrainedConfig.TransformersVersion, (string?)written["transformers_version"]);

        Assert.Equal(config, BertConfig.FromJson(config.ToJson()));
    }

    [Fact]
    public void Save_and_load_round_trip_through_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ek-config-{Guid.NewGuid():N}.json");
        var config = new BertConfig { HiddenSize = 64, NumAttentionHeads = 4 }.WithNumLabels(3);
        try
        {
            config.Save(path);
            Assert.Equal(config, BertConfig.Load(path));
            Assert.Equal("LABEL_2", BertConfig.Load(path).Id2Label[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_wrongly_typed_key_names_the_file_and_the_key()
    {
        var error = Assert.Throws<InvalidDataException>(() => BertConfig.FromJson("""{"hidden_size": "big"}""", "models/x/config.json"));

        Assert.Equal("models/x/config.json: 'hidden_size' must be an integer.", error.Message);
    }
}
