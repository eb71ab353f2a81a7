using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ExperimentKit.Schema.Parsing;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// Where a record (a spec record or a runtime config) holds a table's keys: the property named as the key in PascalCase
/// (<c>hidden_size</c> ↔ <c>HiddenSize</c>, <c>n_layers</c> ↔ <c>NLayers</c>), found once per record type. The typed
/// properties are what code reads; through this the table gives them their defaults, and the `model:` section,
/// config.json and the spec-to-config copy reach them by key.
/// </summary>
public sealed class ConfigKeyProperties
{
    private static readonly ConcurrentDictionary<Type, ConfigKeyProperties> ByRecordType = new();

    private readonly Dictionary<ConfigKey, PropertyInfo> properties = [];

    private ConfigKeyProperties(Type recordType, ConfigKeyTable table)
    {
        var keys = new List<ConfigKey>();
        var candidates = recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var key in table.Keys)
        {
            if (candidates.FirstOrDefault(p => SnakeCase.From(p.Name) == key.Name) is { } property)
            {
                keys.Add(key);
                properties.Add(key, Checked(recordType, key, property));
            }
            else if (key.InModelSection)
            {
                throw new InvalidOperationException($"{recordType.Name} has no property for config key '{key.Name}'.");
            }
        }

        Keys = keys;
    }

    /// <summary>The keys the record type holds, in the table's order: every `model:` key, and the config.json-only ones it has a property for.</summary>
    public IReadOnlyList<ConfigKey> Keys { get; }

    /// <summary>The binding of <paramref name="recordType"/>; a record type holds the keys of one table.</summary>
    public static ConfigKeyProperties Of(Type recordType, ConfigKeyTable table) =>
        ByRecordType.GetOrAdd(recordType, type => new ConfigKeyProperties(type, table));

    public object? Get(object record, ConfigKey key) => properties[key].GetValue(record);

    /// <summary>Sets an init-only property, so only on a record being built, before anything else can see it.</summary>
    public void Set(object record, ConfigKey key, object? value) => properties[key].SetValue(record, value);

    /// <summary>Every key's default: a record's constructor calls it, so the default is written in the table alone.</summary>
    public void SetDefaults(object record)
    {
        foreach (var key in Keys)
        {
            Set(record, key, key.Default);
        }
    }

    private static PropertyInfo Checked(Type recordType, ConfigKey key, PropertyInfo property)
    {
        var expected = key.Kind switch
        {
            ConfigValueKind.Integer => typeof(int),
            ConfigValueKind.Number => typeof(double),
            ConfigValueKind.OptionalNumber => typeof(double?),
            ConfigValueKind.Boolean => typeof(bool),
            _ => typeof(string),
        };
        return property.PropertyType == expected && property.SetMethod is not null
            ? property
            : throw new InvalidOperationException($"{recordType.Name}.{property.Name} must be a settable {expected.Name} to hold config key '{key.Name}' ({key.Kind}).");
    }
}
