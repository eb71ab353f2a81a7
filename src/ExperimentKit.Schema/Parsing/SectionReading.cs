using System;
using System.Collections.Generic;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>A section's keys read as its table declares them, into the spec record's properties of the same names.</summary>
internal static class SectionReading
{
    /// <param name="record">A new record no one else holds yet: its values are the defaults a key not written keeps, and it is set in place.</param>
    /// <param name="table">The section's whole table, which the record type is bound to.</param>
    /// <param name="keys">The keys to read now, in this order (by default the whole table).</param>
    public static T Read<T>(MappingReader r, T record, IReadOnlyList<SectionKey> table, IEnumerable<SectionKey>? keys = null)
        where T : class
    {
        var properties = SectionKeyProperties.Of(record.GetType(), table);
        foreach (var key in keys ?? table)
        {
            properties.Set(record, key, Value(r, key, properties.Get(record, key)));
        }

        return record;
    }

    public static object? Value(MappingReader r, SectionKey key, object? fallback) => (key.Kind, key.Optional) switch
    {
        (SectionValueKind.Integer, false) => r.Read(key.Name, (int)fallback!, ScalarTypes.Integer),
        (SectionValueKind.Integer, true) => r.ReadOptional(key.Name, (int?)fallback, ScalarTypes.Integer),
        (SectionValueKind.Number, false) => r.Read(key.Name, (double)fallback!, ScalarTypes.Number),
        (SectionValueKind.Number, true) => r.ReadOptional(key.Name, (double?)fallback, ScalarTypes.Number),
        (SectionValueKind.Boolean, false) => r.Read(key.Name, (bool)fallback!, ScalarTypes.Boolean),
        (SectionValueKind.Boolean, true) => r.ReadOptional(key.Name, (bool?)fallback, ScalarTypes.Boolean),
        (SectionValueKind.Text, false) => r.Read(key.Name, (string)fallback!, ScalarTypes.Text),
        (SectionValueKind.Text, true) => r.ReadOptionalText(key.Name, (string?)fallback),
        (SectionValueKind.Choice, false) => r.Read(key.Name, fallback!, ScalarTypes.Choice(key)),
        (SectionValueKind.Rows, true) => r.ReadOptional(key.Name, (RowRange?)fallback, ScalarTypes.Rows),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, $"'{key.Name}' is read by its section's own code"),
    };
}
