using System.Globalization;
using System.Text.Json;

namespace ExperimentKit.Data.Records;

/// <summary>
/// Turns a stored value (see <see cref="IRecordFields"/>) into what a <see cref="DataRecord"/> accessor asks for, or
/// fails naming what was found. Typed formats (JSON, Parquet) are taken at their word: a JSON string is never read as
/// a number. CSV and TSV cells are text, parsed as asked, with the invariant culture.
/// </summary>
internal static class FieldValues
{
    private const int ShownCharacters = 60;

    /// <summary>Null, or an empty CSV/TSV cell, which pandas and Hugging Face datasets read as missing.</summary>
    public static bool IsMissing(object? value) =>
        value is null or JsonElement { ValueKind: JsonValueKind.Null } or Cell { Text.Length: 0 };

    /// <summary>A string; a number or boolean gives its text as written, so a label column reads the same in any format.</summary>
    public static string ToText(object? value, FieldRef field) => value switch
    {
        string text => text,
        Cell cell => cell.Text,
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString()!,
        JsonElement { ValueKind: JsonValueKind.Number } json => json.GetRawText(),
        JsonElement { ValueKind: JsonValueKind.True } => "true",
        JsonElement { ValueKind: JsonValueKind.False } => "false",
        _ => throw field.Fail($"expected a string, got {Describe(value)}."),
    };

    public static long ToInteger(object? value, FieldRef field) => value switch
    {
        long integer => integer,
        Cell cell when long.TryParse(cell.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetInt64(out var parsed) => parsed,
        _ => throw field.Fail($"expected an integer such as 0, 7 or -3, got {Describe(value)}."),
    };

    public static double ToNumber(object? value, FieldRef field) => value switch
    {
        double number => number,
        long integer => integer,
        Cell cell when double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonElement { ValueKind: JsonValueKind.Number } json => json.GetDouble(),
        _ => throw field.Fail($"expected a number such as 0.5, 3 or 1e-3, got {Describe(value)}."),
    };

    public static bool ToBoolean(object? value, FieldRef field) => value switch
    {
        bool flag => flag,
        Cell cell when bool.TryParse(cell.Text, out var parsed) => parsed,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => throw field.Fail($"expected true or false, got {Describe(value)}."),
    };

    /// <summary>
    /// A list, each element converted by <paramref name="element"/>. A CSV/TSV cell is a list when it holds a JSON array
    /// (it starts with '[') or else whitespace-separated tokens; an empty cell is an empty list.
    /// </summary>
    public static T[] ToList<T>(object? value, FieldRef field, Func<object?, FieldRef, T> element) => value switch
    {
        IReadOnlyList<object?> list => list.Select((item, i) => element(item, field.At(i + 1))).ToArray(),
        JsonElement { ValueKind: JsonValueKind.Array } json => json.EnumerateArray().Select((item, i) => element(item, field.At(i + 1))).ToArray(),
        Cell cell when cell.Text.TrimStart().StartsWith('[') => ToList(ParseCell(cell, field, "list", "[\"a\", \"b\"]"), field, element),
        Cell cell => cell.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select((token, i) => element(new Cell(token), field.At(i + 1)))
            .ToArray(),
        _ => throw field.Fail($"expected a list, got {Describe(value)}."),
    };

    /// <summary>A struct's fields. A CSV/TSV cell is a struct when it holds a JSON object.</summary>
    public static IRecordFields ToStruct(object? value, FieldRef field) => value switch
    {
        IRecordFields fields => fields,
        JsonElement { ValueKind: JsonValueKind.Object } json => new JsonFields(json),
        Cell cell when cell.Text.TrimStart().StartsWith('{') => ToStruct(ParseCell(cell, field, "struct", "{\"text\": [\"a\"]}"), field),
        _ => throw field.Fail($"expected a struct (named fields, such as a JSON object), got {Describe(value)}."),
    };

    /// <summary>What a value is, for errors: "the string \"abc\"", "'abc'" (a cell), "a list of 4 values".</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"the string {Quote(text)}",
        Cell { Text.Length: 0 } => "an empty cell",
        Cell cell => $"'{Shorten(cell.Text)}'",
        long or double => $"the number {ToText(value, default)}",
        bool flag => flag ? "true" : "false",
        IReadOnlyList<object?> list => $"a list of {list.Count} values",
        IRecordFields fields => $"a struct with fields {string.Join(", ", fields.Names)}",
        UnsupportedValue unsupported => $"a value of Parquet type {unsupported.ParquetType}, which records do not read "
            + "(they read strings, integers, floats, doubles, booleans, lists of those, and structs)",
        JsonElement json => json.ValueKind switch
        {
            JsonValueKind.String => $"the string {Quote(json.GetString()!)}",
            JsonValueKind.Number => $"the number {json.GetRawText()}",
            JsonValueKind.Array => $"a list of {json.GetArrayLength()} values",
            JsonValueKind.Object => $"an object with fields {string.Join(", ", json.EnumerateObject().Select(p => p.Name))}",
            _ => json.GetRawText(),
        },
        _ => value.GetType().Name,
    };

    private static JsonElement ParseCell(Cell cell, FieldRef field, string what, string example)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(cell.Text);
        }
        catch (JsonException error)
        {
            throw field.Fail($"a {what} in a cell is written as JSON, such as {example}; '{Shorten(cell.Text)}' is not valid JSON "
                + $"({JsonErrors.Reason(error)} at {JsonErrors.Where(error)}).");
        }
    }

    private static string Quote(string text) => $"\"{Shorten(text)}\"";

    private static string Shorten(string text) => text.Length <= ShownCharacters ? text : text[..ShownCharacters] + "…";
}
