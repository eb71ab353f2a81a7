using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ExperimentKit.Schema.Parsing;

internal delegate bool TryParseScalar<T>(string text, out T value);

/// <summary>How to read one kind of YAML scalar, and how to name that kind in a message ("an integer").</summary>
/// <param name="Choices">For enumerations: the valid spellings, offered in the message and for did-you-mean.</param>
internal sealed record ScalarType<T>(string Description, TryParseScalar<T> TryParse, IReadOnlyList<string>? Choices = null);

/// <summary>The scalar kinds of the schema. Numbers are invariant-culture; NaN and infinities are never valid settings.</summary>
internal static class ScalarTypes
{
    public static ScalarType<int> Integer { get; } = new("an integer", TryParseInteger);

    public static ScalarType<double> Number { get; } = new("a number", TryParseNumber);

    public static ScalarType<bool> Boolean { get; } = new("true or false", TryParseBoolean);

    public static ScalarType<string> Text { get; } = new("a string", TryParseText);

    public static ScalarType<Model.RowRange> Rows { get; } = new("a row range such as '[:1000]', '1000:' or '100:200' (0-based, end exclusive)", Model.RowRange.TryParse);

    /// <summary>One of a choice key's spellings, read as the value it stands for (an enum member, or the string).</summary>
    public static ScalarType<object> Choice(Model.SectionKey key) =>
        new("one of " + string.Join(", ", key.Spellings), (string text, out object value) =>
        {
            value = key.Choices.FirstOrDefault(c => c.Spelling == text)?.Value!;
            return value is not null;
        }, [.. key.Spellings]);

    /// <summary>A string from a fixed set (hidden_act).</summary>
    public static ScalarType<string> OneOf(params string[] choices) =>
        new("one of " + string.Join(", ", choices), (string text, out string value) =>
        {
            value = text;
            return choices.Contains(text);
        }, choices);

    private static bool TryParseInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && !double.IsNaN(value) && !double.IsInfinity(value);

    private static bool TryParseBoolean(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    private static bool TryParseText(string text, out string value)
    {
        value = text;
        return true;
    }
}
