using ExperimentKit.Models;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// The config of a model built from scratch from the YAML's `model:` section, as the type its model_type names: each
/// key of the model_type's table copied from the spec record to the config. Here rather than in Models/, so the models
/// know their configs and not the YAML schema.
/// </summary>
public static class ModelConfigs
{
    public static PretrainedConfig FromSpec(ModelSpec spec) => spec switch
    {
        BertSpec bert => FromSpec(bert),
        DistilBertSpec distilBert => FromSpec(distilBert),
        _ => throw new NotSupportedException($"model_type '{spec?.ModelType}' has no config type."),
    };

    public static BertConfig FromSpec(BertSpec spec) => Copy(spec, new BertConfig());

    public static DistilBertConfig FromSpec(DistilBertSpec spec) => Copy(spec, new DistilBertConfig());

    private static TConfig Copy<TConfig>(ModelSpec spec, TConfig config)
        where TConfig : PretrainedConfig
    {
        ArgumentNullException.ThrowIfNull(spec);
        var table = ConfigKeyTable.For(spec.ModelType);
        var from = ConfigKeyProperties.Of(spec.GetType(), table);
        var to = ConfigKeyProperties.Of(typeof(TConfig), table);
        foreach (var key in from.Keys)
        {
            // The config is new and not yet returned, so its init-only properties may still be set.
            to.Set(config, key, from.Get(spec, key));
        }

        config.Validate();
        return config;
    }
}
