using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// A spec record's public properties in the order its source declares them, a base record's own before the derived
/// record's (which holds its overrides, so a model spec reads in its HF config's order). Reflection promises no order
/// and lists a derived record's properties before its base's; the generated config and config.yaml should read like the YAML.
/// </summary>
public static class SpecProperties
{
    public static IReadOnlyList<PropertyInfo> Of(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken)
            .ToList();

    private static int Depth(Type type) => type.BaseType is { } baseType ? 1 + Depth(baseType) : 0;
}
