using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `model:` — the checkpoint keys, then model_type, whose section (<see cref="BertSection"/>, <see cref="DistilBertSection"/>)
/// reads the architecture's config keys. A key of the other architecture is named as such, with its counterpart.
/// </summary>
internal static class ModelSection
{
    private static readonly ScalarType<string> ModelType = ScalarTypes.OneOf(BertSpec.Type, DistilBertSpec.Type);

    /// <summary>The activations HF's ACT2FN offers that the runtime implements (Models/Modules/Activations.cs).</summary>
    public static ScalarType<string> Activation { get; } = ScalarTypes.OneOf("gelu", "gelu_new", "gelu_pytorch_tanh", "relu", "silu", "swish");

    public static ModelSpec Read(MappingReader r)
    {
        var pretrained = r.ReadOptionalText("pretrained_model_name_or_path", null);
        var revision = r.Read("revision", "main", ScalarTypes.Text);
        var modelType = r.Read("model_type", BertSpec.Type, ModelType);
        ModelSpec spec = modelType == DistilBertSpec.Type ? DistilBertSection.Read(r) : BertSection.Read(r);
        r.ReportUnknownKeys(key => CounterpartKeys.Explain(key, modelType));
        return spec with { PretrainedModelNameOrPath = pretrained, Revision = revision };
    }
}
