using System;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`model:`'s config keys for one model_type, read as its key table declares them, in the table's order.</summary>
internal static class ConfigKeySection
{
    /// <param name="defaults">A new spec record of the model_type: its values are the defaults a key not written keeps.</param>
    public static ModelSpec Read(MappingReader r, ModelSpec defaults)
    {
        var properties = ConfigKeyProperties.Of(defaults.GetType(), ConfigKeyTable.For(defaults.ModelType));
        var spec = defaults with { };
        foreach (var key in properties.Keys.Where(k => k.InModelSection))
        {
            properties.Set(spec, key, Read(r, key, properties.Get(spec, key)));
        }

        return spec;
    }

    private static object? Read(MappingReader r, ConfigKey key, object? fallback) => key.Kind switch
    {
        ConfigValueKind.Integer => r.Read(key.Name, (int)fallback!, ScalarTypes.Integer),
        ConfigValueKind.Number => r.Read(key.Name, (double)fallback!, ScalarTypes.Number),
        ConfigValueKind.OptionalNumber => r.ReadOptional(key.Name, (double?)fallback, ScalarTypes.Number),
        ConfigValueKind.Boolean => r.Read(key.Name, (bool)fallback!, ScalarTypes.Boolean),
        ConfigValueKind.Text => r.Read(key.Name, (string)fallback!, key.Choices is { } choices ? ScalarTypes.OneOf([.. choices]) : ScalarTypes.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "no YAML reading for this kind of value"),
    };
}
