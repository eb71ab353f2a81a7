using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `model:` keys every model_type has (<see cref="ModelSpec"/> holds them); model_type's own config keys are its
/// table's (<see cref="ConfigKeyTable"/>).
/// </summary>
public static class ModelSectionKeys
{
    public static SectionKey ModelType { get; } = OneOf("model_type", "The architecture, and so which config keys the section takes.", BertSpec.Type, DistilBertSpec.Type);

    public static SectionKey[] All { get; } =
    [
        Text("pretrained_model_name_or_path", "from_pretrained's argument: a local model folder, or a hub id found in the Hugging Face cache (never downloaded).")
            with { Optional = true },
        Text("revision", "For a hub id: the cache's ref or commit."),
        ModelType,
    ];
}
