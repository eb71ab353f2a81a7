using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>The key tables are the one declaration of each config key: the spec records hold exactly their `model:` keys.</summary>
public class ConfigKeyTableTests
{
    public static TheoryData<Type, string> Specs => new() { { typeof(BertSpec), BertSpec.Type }, { typeof(DistilBertSpec), DistilBertSpec.Type } };

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_record_holds_its_tables_model_keys_and_no_other_in_the_tables_order(Type spec, string modelType)
    {
        var table = ConfigKeyTable.For(modelType);
        string[] notConfigKeys = ["pretrained_model_name_or_path", "revision", "model_type"];

        var properties = SpecProperties.Of(spec).Select(p => Parsing.SnakeCase.From(p.Name)).Where(name => !notConfigKeys.Contains(name));

        Assert.Equal(table.Keys.Where(k => k.InModelSection).Select(k => k.Name), properties);
        Assert.Equal(table.Keys.Where(k => k.InModelSection), ConfigKeyProperties.Of(spec, table).Keys);
    }

    [Fact]
    public void A_new_spec_record_has_the_tables_defaults()
    {
        var bert = new BertSpec();
        var distilBert = new DistilBertSpec();

        Assert.Equal((768, 12, "gelu", 1e-12, null, ClassifierPoolings.Cls), (bert.HiddenSize, bert.NumHiddenLayers, bert.HiddenAct, bert.LayerNormEps, bert.ClassifierDropout, bert.ClassifierPooling));
        Assert.Equal((768, 6, "gelu", 0.2, false), (distilBert.Dim, distilBert.NLayers, distilBert.Activation, distilBert.SeqClassifDropout, distilBert.SinusoidalPosEmbds));
    }

    [Fact]
    public void Every_counterpart_is_a_model_key_of_the_other_model_type()
    {
        var bertKeys = BertKeys.Table.Keys.Where(k => k.InModelSection).Select(k => k.Name).ToHashSet();

        Assert.All(DistilBertKeys.Table.Keys.Where(k => k.Counterpart is not null), k => Assert.Contains(k.Counterpart!, bertKeys));
        Assert.All(BertKeys.Table.Keys, k => Assert.Null(k.Counterpart));
    }
}
