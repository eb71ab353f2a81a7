using System.Collections.Generic;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// One key of a Hugging Face model config, declared once in its model_type's table (<see cref="BertKeys"/>,
/// <see cref="DistilBertKeys"/>): the name config.json and the `model:` section both use, the kind of value, the default,
/// its role over a checkpoint and what it sets. The spec record and the runtime config hold it in the property of the
/// same name in PascalCase (<see cref="ConfigKeyProperties"/>); the `model:` section, the pretrained merge and
/// config.json's reading and writing all go by this declaration.
/// </summary>
public sealed record ConfigKey
{
    private ConfigKey(string name, ConfigValueKind kind, object? defaultValue, ConfigKeyRole role, string description)
    {
        Name = name;
        Kind = kind;
        Default = defaultValue;
        Role = role;
        Description = description;
    }

    public string Name { get; }

    public ConfigValueKind Kind { get; }

    /// <summary>Hugging Face's default, boxed as <see cref="Kind"/> says (null only for an optional number).</summary>
    public object? Default { get; }

    public ConfigKeyRole Role { get; }

    public string Description { get; }

    /// <summary>For text: the values the runtime implements, offered in the `model:` section's message; null when any text will do.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>
    /// The key the other model_type spells the same setting with, so that key written under this model_type is answered
    /// with this one. Declared on the DistilBERT side only, as HF's DistilBertConfig.attribute_map maps BERT's names.
    /// </summary>
    public string? Counterpart { get; init; }

    /// <summary>The numbers the key accepts on its own (the validator's EK0205, the JSON Schema's minimum / maximum); null: any.</summary>
    public ValueRange? Range { get; init; }

    /// <summary>False for a key config.json carries that the runtime offers no choice of: read and written back, never a `model:` key.</summary>
    public bool InModelSection { get; init; } = true;

    /// <summary>False for a key transformers does not know: written only when set otherwise, so a checkpoint transformers reproduces carries its keys alone.</summary>
    public bool WrittenAtDefault { get; init; } = true;

    public static ConfigKey Integer(string name, int defaultValue, ConfigKeyRole role, string description) =>
        new(name, ConfigValueKind.Integer, defaultValue, role, description);

    public static ConfigKey Number(string name, double defaultValue, ConfigKeyRole role, string description) =>
        new(name, ConfigValueKind.Number, defaultValue, role, description);

    /// <summary>A number whose default is "not set".</summary>
    public static ConfigKey OptionalNumber(string name, ConfigKeyRole role, string description) =>
        new(name, ConfigValueKind.OptionalNumber, null, role, description);

    public static ConfigKey Boolean(string name, bool defaultValue, ConfigKeyRole role, string description) =>
        new(name, ConfigValueKind.Boolean, defaultValue, role, description);

    public static ConfigKey Text(string name, string defaultValue, ConfigKeyRole role, string description) =>
        new(name, ConfigValueKind.Text, defaultValue, role, description);
}
