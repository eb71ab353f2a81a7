using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Models;

/// <summary>Reads typed keys off a config object, removing each, so what is left is <see cref="PretrainedConfig.Extra"/>.</summary>
internal sealed class ConfigReader(JsonObject root, string source)
{
    /// <param name="source">Names the file in error messages.</param>
    public static ConfigReader Parse(string json, string source)
    {
        try
        {
            var root = JsonNode.Parse(json) as JsonObject
                ?? throw new InvalidDataException($"{source}: the top level must be a JSON object.");
            return new ConfigReader(root, source);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message}).", e);
        }
    }

    /// <summary>The value of a string key without consuming it (the model_type dispatch looks before a config reads).</summary>
    public string? Peek(string key) => root[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public void Skip(string key) => root.Remove(key);

    public JsonObject Unread()
    {
        var rest = new JsonObject();
        foreach (var (key, value) in root)
        {
            rest[key] = value?.DeepClone();
        }

        return rest;
    }

    public string? String(string key) => Take(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => throw Bad(key, "a string"),
    };

    public int? Int(string key) => Take(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out int i) => i,
        _ => throw Bad(key, "an integer"),
    };

    public bool? Bool(string key) => Take(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out bool b) => b,
        _ => throw Bad(key, "true or false"),
    };

    public double? Double(string key) => Take(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out double d) => d,
        _ => throw Bad(key, "a number"),
    };

    /// <summary>A declared key's value, checked as its kind says; null when absent.</summary>
    public object? Value(ConfigKey key) => key.Kind switch
    {
        ConfigValueKind.Integer => Int(key.Name),
        ConfigValueKind.Number or ConfigValueKind.OptionalNumber => Double(key.Name),
        ConfigValueKind.Boolean => Bool(key.Name),
        ConfigValueKind.Text => String(key.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "no config.json reading for this kind of value"),
    };

    public ImmutableArray<string> Strings(string key) => Take(key) switch
    {
        null => [],
        JsonArray a when a.All(n => n is JsonValue v && v.TryGetValue(out string? _)) => [.. a.Select(n => n!.GetValue<string>())],
        _ => throw Bad(key, "an array of strings"),
    };

    public ImmutableSortedDictionary<int, string> Id2Label(string key)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<int, string>();
        foreach (var (id, name) in Map(key))
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ||
                name is not JsonValue v || !v.TryGetValue(out string? s))
            {
                throw Bad(key, "an object mapping label ids (\"0\", \"1\", …) to names");
            }

            builder[i] = s;
        }

        return builder.ToImmutable();
    }

    public ImmutableSortedDictionary<string, int> Label2Id(string key)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (name, id) in Map(key))
        {
            if (id is not JsonValue v || !v.TryGetValue(out int i))
            {
                throw Bad(key, "an object mapping label names to integer ids");
            }

            builder[name] = i;
        }

        return builder.ToImmutable();
    }

    private JsonObject Map(string key) => Take(key) switch
    {
        null => [],
        JsonObject o => o,
        _ => throw Bad(key, "an object"),
    };

    /// <summary>The value under <paramref name="key"/>, with JSON null read as absent (HF writes null for unset options).</summary>
    private JsonNode? Take(string key)
    {
        if (!root.TryGetPropertyValue(key, out var node))
        {
            return null;
        }

        root.Remove(key);
        return node;
    }

    private InvalidDataException Bad(string key, string expected) =>
        new($"{source}: '{key}' must be {expected}.");
}
