using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `model:` — the checkpoint keys (<see cref="ModelSectionKeys"/>), then model_type, whose key table (<see cref="BertKeys"/>,
/// <see cref="DistilBertKeys"/>) gives the architecture's config keys. A key of the other architecture is named as such, with its counterpart.
/// </summary>
internal static class ModelSection
{
    public static ModelSpec Read(MappingReader root)
    {
        var declared = ModelSectionKeys.All.Select(k => k.Name).Concat(ConfigKeyTable.All.SelectMany(t => t.Keys).Where(k => k.InModelSection).Select(k => k.Name));
        var r = root.Section(ExperimentKeys.Model, "model_type and its config keys, such as hidden_size", declared);
        var checkpoint = SectionReading.Read(r, new BertSpec(), ModelSectionKeys.All, ModelSectionKeys.All.Where(k => k != ModelSectionKeys.ModelType));
        var modelType = (string)SectionReading.Value(r, ModelSectionKeys.ModelType, checkpoint.ModelType)!;
        var spec = ConfigKeySection.Read(r, modelType == DistilBertSpec.Type ? new DistilBertSpec() : new BertSpec());
        r.ReportUnknownKeys(key => CounterpartKeys.Explain(key, modelType));
        return spec with { PretrainedModelNameOrPath = checkpoint.PretrainedModelNameOrPath, Revision = checkpoint.Revision };
    }
}
