using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ExperimentKit.Schema.JsonSchema;

/// <summary>
/// A <see cref="JsonTree"/> as indented JSON (two spaces, '\n' line ends; lists of plain values on one line), the way a
/// committed file diffs well. The schema library is netstandard2.0 for the compiler, so it brings no JSON library of its own.
/// </summary>
public static class JsonText
{
    public static string Write(JsonTree tree)
    {
        var builder = new StringBuilder();
        Value(builder, tree, 0);
        return builder.Append('\n').ToString();
    }

    private static void Value(StringBuilder builder, object? value, int depth)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case string text:
                Quoted(builder, text);
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                builder.Append(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonTree tree:
                Object(builder, tree, depth);
                break;
            case IEnumerable items:
                List(builder, [.. items.Cast<object?>()], depth);
                break;
            default:
                throw new ArgumentException($"no JSON form for a {value.GetType().Name}", nameof(value));
        }
    }

    private static void Object(StringBuilder builder, JsonTree tree, int depth)
    {
        var properties = tree.ToList();
        if (properties.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        for (var i = 0; i < properties.Count; i++)
        {
            Indent(builder, depth + 1);
            Quoted(builder, properties[i].Key);
            builder.Append(": ");
            Value(builder, properties[i].Value, depth + 1);
            builder.Append(i < properties.Count - 1 ? ",\n" : "\n");
        }

        Indent(builder, depth);
        builder.Append('}');
    }

    private static void List(StringBuilder builder, object?[] items, int depth)
    {
        if (items.All(item => item is not JsonTree))
        {
            builder.Append('[');
            for (var i = 0; i < items.Length; i++)
            {
                builder.Append(i > 0 ? ", " : string.Empty);
                Value(builder, items[i], depth);
            }

            builder.Append(']');
            return;
        }

        builder.Append("[\n");
        for (var i = 0; i < items.Length; i++)
        {
            Indent(builder, depth + 1);
            Value(builder, items[i], depth + 1);
            builder.Append(i < items.Length - 1 ? ",\n" : "\n");
        }

        Indent(builder, depth);
        builder.Append(']');
    }

    private static void Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);

    private static void Quoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                < ' ' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        builder.Append('"');
    }
}
