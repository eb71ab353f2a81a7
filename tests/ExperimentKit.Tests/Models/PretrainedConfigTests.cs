using ExperimentKit.Models;

namespace ExperimentKit.Tests.Models;

public sealed class PretrainedConfigTests
{
    [Fact]
    public void Model_type_picks_the_config_type()
    {
        var distil = PretrainedConfig.FromJson(DistilBertConfigTests.HuggingFaceBaseConfig);
        var bert = PretrainedConfig.FromJson("""{"model_type": "bert", "hidden_size": 64, "num_attention_heads": 4}""");

        Assert.Equal(6, Assert.IsType<DistilBertConfig>(distil).NLayers);
        Assert.Equal(64, Assert.IsType<BertConfig>(bert).HiddenSize);
        Assert.NotEqual<PretrainedConfig>(new BertConfig(), new DistilBertConfig());
    }

    [Fact]
    public void Load_reads_a_saved_config_back_as_its_own_type()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("config.json");
        var config = new DistilBertConfig { Dim = 64 }.WithNumLabels(3);
        config.Save(path);

        Assert.Equal<PretrainedConfig>(config, PretrainedConfig.Load(path));
    }

    [Theory]
    [InlineData("""{"model_type": "roberta"}""", "models/x/config.json: model_type 'roberta' is not supported; supported: bert, distilbert.")]
    [InlineData("""{"hidden_size": 768}""", "models/x/config.json: model_type is missing; supported: bert, distilbert.")]
    public void Another_or_no_model_type_is_invalid_data_naming_the_file_and_the_supported_types(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => PretrainedConfig.FromJson(json, "models/x/config.json"));

        Assert.Equal(message, error.Message);
    }
}
