using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `model:` — the checkpoint keys, then model_type, whose key table (<see cref="BertKeys"/>, <see cref="DistilBertKeys"/>)
/// gives the architecture's config keys. A key of the other architecture is named as such, with its counterpart.
/// </summary>
internal static class ModelSection
{
    private static readonly ScalarType<string> ModelType = ScalarTypes.OneOf(BertSpec.Type, DistilBertSpec.Type);

    public static ModelSpec Read(MappingReader r)
    {
        var pretrained = r.ReadOptionalText("pretrained_model_name_or_path", null);
        var revision = r.Read("revision", "main", ScalarTypes.Text);
        var modelType = r.Read("model_type", BertSpec.Type, ModelType);
        var spec = ConfigKeySection.Read(r, modelType == DistilBertSpec.Type ? new DistilBertSpec() : new BertSpec());
        r.ReportUnknownKeys(key => CounterpartKeys.Explain(key, modelType));
        return spec with { PretrainedModelNameOrPath = pretrained, Revision = revision };
    }
}
