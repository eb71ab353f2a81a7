using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// Where a spec record holds a section's keys: the property named as the key in PascalCase (or the key's
/// <see cref="SectionKey.Property"/>), found once per record type and checked against the key's kind. The parser sets
/// values through it, the validator reads them for the declared ranges, and the JSON Schema reads defaults from a new record.
/// </summary>
public sealed class SectionKeyProperties
{
    private static readonly ConcurrentDictionary<Type, SectionKeyProperties> ByRecordType = new();

    private readonly Dictionary<string, PropertyInfo> properties = new(StringComparer.Ordinal);

    private SectionKeyProperties(Type recordType, IEnumerable<SectionKey> keys)
    {
        var candidates = recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var key in keys.Where(k => k.Kind is not (SectionValueKind.Mapping or SectionValueKind.List)))
        {
            var name = key.Property ?? Pascal(key.Name);
            if (candidates.FirstOrDefault(p => p.Name == name) is { } property)
            {
                properties.Add(key.Name, Checked(recordType, key, property));
            }
        }
    }

    /// <summary>The binding of <paramref name="recordType"/> to the keys it holds among <paramref name="keys"/>; a record type holds one section's keys.</summary>
    public static SectionKeyProperties Of(Type recordType, IEnumerable<SectionKey> keys) =>
        ByRecordType.GetOrAdd(recordType, type => new SectionKeyProperties(type, keys));

    public bool Holds(SectionKey key) => properties.ContainsKey(key.Name);

    public object? Get(object record, SectionKey key) => properties[key.Name].GetValue(record);

    /// <summary>Sets an init-only property, so only on a record being built, before anything else can see it.</summary>
    public void Set(object record, SectionKey key, object? value) => properties[key.Name].SetValue(record, value);

    private static string Pascal(string snakeCase) =>
        string.Concat(snakeCase.Split('_').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part.Substring(1)));

    private static PropertyInfo Checked(Type recordType, SectionKey key, PropertyInfo property)
    {
        var expected = ExpectedType(key);
        return property.PropertyType == expected
            ? property
            : throw new InvalidOperationException($"{recordType.Name}.{property.Name} must be a {expected.Name} to hold key '{key.Name}' ({key.Kind}).");
    }

    private static Type ExpectedType(SectionKey key)
    {
        Type Nullable(Type type) => key.Optional ? typeof(Nullable<>).MakeGenericType(type) : type;
        return key.Kind switch
        {
            SectionValueKind.Integer or SectionValueKind.Label => Nullable(typeof(int)),
            SectionValueKind.Number => Nullable(typeof(double)),
            SectionValueKind.Boolean => Nullable(typeof(bool)),
            SectionValueKind.Rows => Nullable(typeof(RowRange)),
            SectionValueKind.TextList => typeof(EquatableArray<string>),
            SectionValueKind.Choice => key.Choices[0].Value.GetType(),
            _ => typeof(string),
        };
    }
}
