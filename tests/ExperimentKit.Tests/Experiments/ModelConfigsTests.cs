using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Experiments;

public sealed class ModelConfigsTests
{
    [Fact]
    public void A_default_spec_gives_the_default_config()
    {
        Assert.Equal(new BertConfig(), ModelConfigs.FromSpec(new BertSpec()));
        Assert.Equal(new DistilBertConfig(), ModelConfigs.FromSpec(new DistilBertSpec()));
    }

    [Fact]
    public void From_spec_copies_every_field()
    {
        var spec = new BertSpec { HiddenSize = 128, NumHiddenLayers = 2, NumAttentionHeads = 2, IntermediateSize = 512, HiddenAct = "relu", ClassifierDropout = 0.3 };

        var config = ModelConfigs.FromSpec(spec);

        Assert.Equal((128, 2, 2, 512, "relu", 0.3), (config.HiddenSize, config.NumHiddenLayers, config.NumAttentionHeads, config.IntermediateSize, config.HiddenAct, config.ClassifierDropout));
        Assert.Throws<ArgumentException>(() => ModelConfigs.FromSpec(spec with { NumAttentionHeads = 3 }));
    }

    [Fact]
    public void From_spec_copies_every_distilbert_field()
    {
        var spec = new DistilBertSpec { Dim = 64, NLayers = 2, NHeads = 2, HiddenDim = 128, Activation = "relu", SeqClassifDropout = 0.3 };

        var config = ModelConfigs.FromSpec(spec);

        Assert.Equal((64, 2, 2, 128, "relu", 0.3), (config.Dim, config.NLayers, config.NHeads, config.HiddenDim, config.Activation, config.SeqClassifDropout));
        Assert.Throws<ArgumentException>(() => ModelConfigs.FromSpec(spec with { NHeads = 3 }));
    }

    [Fact]
    public void A_runtime_config_holds_every_key_of_its_table_config_json_only_ones_included()
    {
        Assert.Equal(BertKeys.Table.Keys, ConfigKeyProperties.Of(typeof(BertConfig), BertKeys.Table).Keys);
        Assert.Equal(DistilBertKeys.Table.Keys, ConfigKeyProperties.Of(typeof(DistilBertConfig), DistilBertKeys.Table).Keys);
    }
}
