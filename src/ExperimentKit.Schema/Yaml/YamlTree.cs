using System.Collections.Generic;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Yaml;

/// <summary>
/// A YAML node with its place in the file. Our own small tree rather than YamlDotNet's RepresentationModel, because
/// that one throws on the first duplicate key; here duplicates survive to be reported with both places.
/// </summary>
internal abstract record YamlNode(SourceLocation Start)
{
    /// <summary>How the node reads in a message: the scalar itself, or "a mapping" / "a sequence".</summary>
    public abstract string Describe();
}

internal sealed record YamlScalar(SourceLocation Start, string Value, bool IsPlain) : YamlNode(Start)
{
    /// <summary>YAML 1.2 core schema nulls; only unquoted scalars can be null.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : "'" + Value + "'";
}

internal sealed record YamlSequence(SourceLocation Start, IReadOnlyList<YamlNode> Items) : YamlNode(Start)
{
    public override string Describe() => "a list";
}

internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);

internal sealed record YamlMapping(SourceLocation Start, IReadOnlyList<YamlEntry> Entries) : YamlNode(Start)
{
    public override string Describe() => "a mapping";
}
