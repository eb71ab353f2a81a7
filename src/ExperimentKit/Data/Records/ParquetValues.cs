using System.Collections;
using System.Globalization;
using Parquet.Schema;

namespace ExperimentKit.Data.Records;

/// <summary>
/// Turns Parquet.Net's untyped values into the records' values (see <see cref="IRecordFields"/>), one converter per
/// schema field: integers of any width become <see cref="long"/>, float and double <see cref="double"/>, strings
/// <see cref="string"/>, a list of those a list, a struct nested fields. Any other type (timestamps, decimals, binary,
/// maps, lists of structs) becomes an <see cref="UnsupportedValue"/> naming its Parquet type, an error only if read.
/// </summary>
internal static class ParquetValues
{
    public static Func<object?, object?> Converter(Field field) => field switch
    {
        DataField data => ScalarConverter(data) ?? Unsupported(field),
        ListField { Item: DataField item } when ScalarConverter(item) is { } element =>
            value => value is IEnumerable items ? items.Cast<object?>().Select(element).ToArray() : null,
        StructField structure => StructConverter(structure),
        _ => Unsupported(field),
    };

    /// <summary>The columns of a struct (or of the file's top level) and their converters, in schema order.</summary>
    public static (RecordColumns Columns, Func<object?, object?>[] Converters) Fields(IReadOnlyList<Field> fields) =>
        (new RecordColumns(fields.Select(f => f.Name).ToArray()), fields.Select(Converter).ToArray());

    private static Func<object?, object?> StructConverter(StructField structure)
    {
        var (columns, converters) = Fields(structure.Fields);
        return value => value is IDictionary<string, object> members ? Row(members, columns, converters) : null;
    }

    /// <summary>A row or struct: Parquet.Net leaves a null member out of the dictionary, so an absent one is null.</summary>
    public static ColumnFields Row(IDictionary<string, object> members, RecordColumns columns, Func<object?, object?>[] converters)
    {
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = members.TryGetValue(columns.Names[i], out var value) ? converters[i](value) : null;
        }

        return new ColumnFields(columns, values);
    }

    private static Func<object?, object?>? ScalarConverter(DataField field)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            // Top-level strings come as string, list elements as ReadOnlyMemory<char>.
            return value => value switch
            {
                null => null,
                ReadOnlyMemory<char> memory => memory.ToString(),
                _ => (string)value,
            };
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
            || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint))
        {
            return value => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return value => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }

        return type == typeof(bool) ? value => value : null;
    }

    private static Func<object?, object?> Unsupported(Field field)
    {
        var unsupported = new UnsupportedValue(TypeName(field));
        return _ => unsupported;
    }

    /// <summary>"INT96 (DateTime)", "MAP", "LIST of STRUCT": what an error tells the user the column is.</summary>
    private static string TypeName(Field field) => field switch
    {
        DataField data => $"{data.SchemaElement?.Type.ToString() ?? "?"}{(data.SchemaElement?.ConvertedType is { } converted ? $"/{converted}" : string.Empty)} ({data.ClrType.Name})",
        ListField list => $"LIST of {TypeName(list.Item)}",
        _ => field.SchemaType.ToString().ToUpperInvariant(),
    };
}
