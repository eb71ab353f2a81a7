using System;
using System.Globalization;
using System.Linq;
using ExperimentKit.Schema.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace ExperimentKit.Generators.Emit;

/// <summary>Spec values as C# source, invariant culture: <c>1e-12</c>, <c>3.0</c>, <c>PaddingStrategy.Longest</c>, <c>"bert"</c>.</summary>
internal static class CSharpLiterals
{
    public static string Of(object? value) => value switch
    {
        null => "null",
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => Number(number),
        Enum member => member.GetType().Name + "." + member,
        RowRange rows => $"new RowRange({Of(rows.Start)}, {Of(rows.End)})",
        EquatableArray<string> texts => texts.Count == 0 ? "EquatableArray<string>.Empty" : $"new EquatableArray<string>([{string.Join(", ", texts.Select(Of))}])",
        _ => throw new NotSupportedException($"no C# literal for a {value.GetType().Name}; teach {nameof(CSharpLiterals)} the type"),
    };

    /// <summary>Shortest round-trip form; whole numbers keep a ".0" so they read as doubles.</summary>
    private static string Number(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
        return text.IndexOfAny(['.', 'e']) >= 0 ? text : text + ".0";
    }
}
