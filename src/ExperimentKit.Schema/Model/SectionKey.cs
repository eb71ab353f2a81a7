using System;
using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Parsing;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// One key of a section other than `model:`'s config keys (those are <see cref="ConfigKey"/>s), declared once in its
/// section's table (<see cref="TrainingKeys"/>, <see cref="DatasetKeys"/>, ...): the YAML name, the kind of value, what
/// it sets, its choices and range. The parser reads a section by its table, and the JSON Schema is written from the
/// tables; the default is the spec record's (the property of the same name in PascalCase, <see cref="SectionKeyProperties"/>).
/// </summary>
public sealed record SectionKey
{
    private SectionKey(string name, SectionValueKind kind, string description)
    {
        Name = name;
        Kind = kind;
        Description = description;
    }

    public string Name { get; }

    public SectionValueKind Kind { get; }

    public string Description { get; }

    /// <summary>HF's None: a written null clears the setting, and the spec record's property is nullable.</summary>
    public bool Optional { get; init; }

    /// <summary>The file (or the mapping) must write this key.</summary>
    public bool Required { get; init; }

    /// <summary>For <see cref="SectionValueKind.Choice"/>: every spelling, in the order messages list them.</summary>
    public IReadOnlyList<KeyChoice> Choices { get; init; } = [];

    public ValueRange? Range { get; init; }

    /// <summary>
    /// The default in words where no constant states it (the format follows the train file's extension): the reference
    /// shows it instead of the spec record's, and the JSON Schema then names no default.
    /// </summary>
    public string? DefaultText { get; init; }

    /// <summary>For text: the values the key takes, matched ignoring case (a known dataset's name); empty when any text will do.</summary>
    public IReadOnlyList<string> KnownValues { get; init; } = [];

    /// <summary>For text: the regular expression the whole value must match (an experiment name, which becomes a C# type name).</summary>
    public string? Pattern { get; init; }

    /// <summary>The spec record's property when it is not the key in PascalCase (a metric's `name` is its Kind).</summary>
    public string? Property { get; init; }

    public IEnumerable<string> Spellings => Choices.Select(c => c.Spelling);

    public static SectionKey Integer(string name, string description) => new(name, SectionValueKind.Integer, description);

    public static SectionKey Number(string name, string description) => new(name, SectionValueKind.Number, description);

    public static SectionKey Boolean(string name, string description) => new(name, SectionValueKind.Boolean, description);

    public static SectionKey Text(string name, string description) => new(name, SectionValueKind.Text, description);

    public static SectionKey Rows(string name, string description) => new(name, SectionValueKind.Rows, description) { Optional = true };

    public static SectionKey TextList(string name, string description) => new(name, SectionValueKind.TextList, description);

    public static SectionKey Label(string name, string description) => new(name, SectionValueKind.Label, description);

    public static SectionKey Mapping(string name, string description) => new(name, SectionValueKind.Mapping, description);

    public static SectionKey List(string name, string description) => new(name, SectionValueKind.List, description);

    /// <summary>An enumeration spelled snake_case in YAML (<c>MaxLength</c> ↔ <c>max_length</c>), plus any extra spellings.</summary>
    public static SectionKey Choice<T>(string name, string description, params (string Spelling, T Value)[] aliases)
        where T : struct, Enum =>
        new(name, SectionValueKind.Choice, description)
        {
            Choices = [.. Enum.GetValues(typeof(T)).Cast<T>()
                .Select(value => new KeyChoice(SnakeCase.From(value.ToString()), value))
                .Concat(aliases.Select(alias => new KeyChoice(alias.Spelling, alias.Value)))],
        };

    /// <summary>A string from a fixed set (model_type).</summary>
    public static SectionKey OneOf(string name, string description, params string[] choices) =>
        new(name, SectionValueKind.Choice, description) { Choices = [.. choices.Select(c => new KeyChoice(c, c))] };
}
