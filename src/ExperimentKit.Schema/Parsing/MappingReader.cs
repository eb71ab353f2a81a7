using System;
using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>A value read from a list, with its place (for findings about one item).</summary>
internal readonly record struct Located<T>(T Value, SourceLocation Location);

/// <summary>An unknown key that another kind of the section has: a note naming that kind, and the key meaning the same here.</summary>
internal sealed record ForeignKey(string Note, string? Counterpart);

/// <summary>
/// Reads one YAML mapping (a section) key by key. Every key a section asks for becomes a valid key, so after the
/// section has read what it knows, <see cref="ReportUnknownKeys"/> can name the rest and suggest the closest valid one.
/// Bad values are reported and replaced by the fallback, so one parse finds every problem in the file. A key the
/// section's key table does not declare is never asked for, so the tables (which the JSON Schema is written from) and
/// the parser cannot drift apart.
/// </summary>
internal sealed class MappingReader
{
    private readonly ParseContext context;
    private readonly YamlMapping mapping;
    private readonly Dictionary<string, YamlEntry> entries = [];
    private readonly List<string> validKeys = [];
    private readonly HashSet<string> declaredKeys;

    /// <param name="declaredKeys">The keys the section's table declares: the only ones it may ask for.</param>
    public MappingReader(ParseContext context, string path, YamlMapping mapping, IEnumerable<string> declaredKeys)
    {
        this.context = context;
        this.mapping = mapping;
        this.declaredKeys = [.. declaredKeys];
        Path = path;
        foreach (var entry in mapping.Entries)
        {
            if (entries.TryGetValue(entry.Key.Value, out var first))
            {
                context.Report(
                    SchemaRules.DuplicateKey,
                    entry.Key.Start,
                    $"duplicate key '{entry.Key.Value}' in {Where}; it is already set on line {first.Key.Start.Line}, keep one of them");
            }
            else
            {
                entries.Add(entry.Key.Value, entry);
            }
        }
    }

    /// <summary>The key path of this mapping: empty for the file, else <c>model</c>, <c>training</c>, ...</summary>
    public string Path { get; }

    public SourceLocation Start => mapping.Start;

    private string Where => Path.Length == 0 ? "the experiment" : $"'{Path}'";

    public string PathOf(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>Whether the file writes this key (the key becomes valid either way).</summary>
    public bool Has(string key)
    {
        Declare(key);
        return entries.ContainsKey(key);
    }

    /// <summary>The written value of a key, recorded in the source map; null when the key is not written.</summary>
    public YamlNode? Value(string key)
    {
        Declare(key);
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        context.Locate(PathOf(key), entry.Value.Start);
        return entry.Value;
    }

    /// <summary>The written value of a key, without recording it (to choose how to read it).</summary>
    public YamlNode? Peek(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public void Require(string key, string description)
    {
        if (!Has(key))
        {
            context.Report(SchemaRules.MissingKey, Start, $"missing required key '{PathOf(key)}' ({description}); add it");
        }
    }

    public T Read<T>(string key, T fallback, ScalarType<T> type)
    {
        var node = Value(key);
        return node is not null && TryConvert(key, node, type, out var value) ? value : fallback;
    }

    /// <summary>A setting whose absence means something (HF's None): a written null clears it.</summary>
    public T? ReadOptional<T>(string key, T? fallback, ScalarType<T> type)
        where T : struct
    {
        var node = Value(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        return TryConvert(key, node, type, out var value) ? value : fallback;
    }

    public string? ReadOptionalText(string key, string? fallback)
    {
        var node = Value(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        return TryConvert(key, node, ScalarTypes.Text, out var value) ? value : fallback;
    }

    /// <summary>A list of scalars, each item located as <c>key[i]</c>; null when the key is not written.</summary>
    public IReadOnlyList<Located<T>>? ReadList<T>(string key, ScalarType<T> type)
    {
        var node = Value(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: true }:
                return [];
            case YamlSequence sequence:
                var items = new List<Located<T>>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var itemPath = $"{key}[{i}]";
                    context.Locate(PathOf(itemPath), sequence.Items[i].Start);
                    if (TryConvert(itemPath, sequence.Items[i], type, out var value))
                    {
                        items.Add(new Located<T>(value, sequence.Items[i].Start));
                    }
                }

                return items;
            default:
                context.Report(SchemaRules.WrongValueType, node.Start, $"'{key}' must be a list, got {node.Describe()}");
                return [];
        }
    }

    /// <summary>
    /// A nested section. An absent optional section, or one written with no value, reads as an empty mapping so its
    /// keys take their defaults; an absent required section is reported here.
    /// </summary>
    public MappingReader Section(SectionKey section, string description, IEnumerable<string> declaredKeys)
    {
        var key = section.Name;
        var node = Value(key);
        switch (node)
        {
            case YamlMapping mapping:
                return new MappingReader(context, PathOf(key), mapping, declaredKeys);
            case null when section.Required:
                context.Report(SchemaRules.MissingKey, Start, $"missing required section '{PathOf(key)}' ({description}); add it");
                break;
            case YamlScalar { IsNull: true }:
            case null:
                break;
            default:
                context.Report(SchemaRules.WrongValueType, node.Start, $"'{key}' must be a mapping of {description}, got {node.Describe()}");
                break;
        }

        return new MappingReader(context, PathOf(key), new YamlMapping(node?.Start ?? Start, []), declaredKeys);
    }

    public void ReportUnknownKeys() => ReportUnknownKeys(_ => null);

    /// <param name="foreignKey">
    /// For a key that belongs to another kind of this section (a BERT key under model_type distilbert): what to say, and
    /// the key here that means the same. Its look-alikes by spelling would mislead, so without a counterpart all valid keys are listed.
    /// </param>
    public void ReportUnknownKeys(Func<string, ForeignKey?> foreignKey)
    {
        foreach (var entry in mapping.Entries.Where(e => !validKeys.Contains(e.Key.Value)))
        {
            var key = entry.Key.Value;
            var message = foreignKey(key) switch
            {
                { Counterpart: { } counterpart } foreign => $" {foreign.Note}; did you mean '{counterpart}'?",
                { } foreign => $" {foreign.Note}; valid: {string.Join(", ", validKeys)}",
                null => Suggestions.Hint(key, validKeys),
            };
            context.Report(SchemaRules.UnknownKey, entry.Key.Start, $"unknown key '{key}' in {Where}" + message);
        }
    }

    private void Declare(string key)
    {
        if (!declaredKeys.Contains(key))
        {
            throw new InvalidOperationException($"'{PathOf(key)}' is read but its section's key table does not declare it.");
        }

        if (!validKeys.Contains(key))
        {
            validKeys.Add(key);
        }
    }

    private bool TryConvert<T>(string key, YamlNode node, ScalarType<T> type, out T value)
    {
        if (node is YamlScalar { IsNull: false } scalar && type.TryParse(scalar.Value, out value))
        {
            return true;
        }

        var hint = Suggestions.ForValue(node, type.Choices);
        context.Report(SchemaRules.WrongValueType, node.Start, $"'{key}' must be {type.Description}, got {node.Describe()}{hint}");
        value = default!;
        return false;
    }
}
