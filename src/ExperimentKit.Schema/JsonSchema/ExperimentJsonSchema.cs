using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;

namespace ExperimentKit.Schema.JsonSchema;

/// <summary>
/// The JSON Schema (draft-07, what VS Code's YAML extension reads) of an experiment file, written from the key tables
/// the parser reads (<see cref="ExperimentKeys"/> and each section's, <see cref="ConfigKeyTable"/> for model_type's
/// keys): names, types, defaults (the spec records'), choices, ranges and descriptions. Unknown keys are refused at
/// every level, as the build refuses them; rules between keys stay the build's.
/// </summary>
public static class ExperimentJsonSchema
{
    /// <summary>Where the committed schema lies, relative to the repository root.</summary>
    public const string RelativePath = "schema/experiment.schema.json";

    /// <summary>What regenerates the committed file, for the drift test's message and the file's $comment.</summary>
    public const string RegenerateCommand = "EXPERIMENTKIT_WRITE_SCHEMA=1 dotnet test tests/ExperimentKit.Schema.Tests --filter JsonSchemaFileTests";

    // A row range as RowRange.TryParse reads it: both brackets or none, either bound open.
    private const string RowRangePattern = @"^\s*(?:\[\s*\d*\s*:\s*\d*\s*\]|\d*\s*:\s*\d*)\s*$";

    public static string Write() => JsonText.Write(Build());

    public static JsonTree Build()
    {
        var root = new JsonTree
        {
            { "$schema", "http://json-schema.org/draft-07/schema#" },
            { "$comment", $"Generated from the key tables of src/ExperimentKit.Schema/Model; do not edit. Regenerate: {RegenerateCommand}" },
            { "title", "ExperimentKit experiment" },
            { "description", "One fine-tuning experiment: the encoder, the head, the data, tokenization, padding, metrics and TrainingArguments." },
            { "type", "object" },
            { "properties", Properties(ExperimentKeys.All.Select(key => (key.Name, Section(key)))) },
        };
        AddRequired(root, ExperimentKeys.All);
        root.Add("additionalProperties", false);
        return root;
    }

    private static JsonTree Section(SectionKey key) => key.Name switch
    {
        "name" => Key(key, null),
        "model" => Model(),
        "task" => Task(),
        "dataset" => Mapping(key, DatasetKeys.All, new DatasetSpec(), nullable: false, [("oneOf", new[] { Requires(DatasetKeys.Name), Requires(DatasetKeys.Path) })]),
        "tokenizer" => Mapping(key, TokenizerKeys.All, new TokenizerSpec()),
        "collator" => Mapping(key, CollatorKeys.All, new CollatorSpec()),
        "metrics" => Metrics(key),
        "sweep" => Sweep(key),
        _ => Mapping(key, TrainingKeys.All, new TrainingSpec()),
    };

    /// <summary>A section of keys; a written section with no value is an empty one, which the parser reads as all defaults.</summary>
    private static JsonTree Mapping(SectionKey section, IReadOnlyList<SectionKey> keys, object defaults, bool nullable = true, params (string Name, object Value)[] extra)
    {
        var tree = new JsonTree
        {
            { "description", section.Description },
            { "type", nullable ? new[] { "object", "null" } : "object" },
            { "properties", Properties(keys.Select(key => (key.Name, Key(key, DefaultOf(defaults, keys, key))))) },
        };
        AddRequired(tree, keys);
        tree.Add("additionalProperties", false);
        foreach (var (name, value) in extra)
        {
            tree.Add(name, value);
        }

        return tree;
    }

    /// <summary>One variant per model_type, each with its own config keys: a key of the other architecture is refused.</summary>
    private static JsonTree Model()
    {
        var defaultType = new BertSpec().ModelType;
        return new JsonTree
        {
            { "description", ExperimentKeys.Model.Description },
            {
                "oneOf", ConfigKeyTable.All.Select(table =>
                {
                    var modelType = new JsonTree
                    {
                        { "description", ModelSectionKeys.ModelType.Description },
                        { "const", table.ModelType },
                    };
                    var properties = ModelSectionKeys.All
                        .Select(key => (key.Name, key == ModelSectionKeys.ModelType ? modelType : Key(key, DefaultOf(new BertSpec(), ModelSectionKeys.All, key))))
                        .Concat(table.Keys.Where(k => k.InModelSection).Select(key => (key.Name, ConfigKey(key))));
                    var variant = new JsonTree
                    {
                        { "title", $"model_type {table.ModelType}" },
                        { "type", table.ModelType == defaultType ? new[] { "object", "null" } : "object" },
                        { "properties", Properties(properties) },
                    };
                    if (table.ModelType != defaultType)
                    {
                        variant.Add("required", new[] { ModelSectionKeys.ModelType.Name });
                    }

                    variant.Add("additionalProperties", false);
                    return variant;
                }).ToList()
            },
        };
    }

    /// <summary>The head alone (`task: x`), or a mapping with type, num_labels and that head's options.</summary>
    private static JsonTree Task()
    {
        var heads = TaskKeys.Type.Choices.Select(choice =>
        {
            var kind = (TaskKind)choice.Value;
            var defaults = TaskSection.Defaults(kind, null);
            var type = new JsonTree { { "description", TaskKeys.Type.Description }, { "const", choice.Spelling } };
            var options = TaskKeys.Options[kind].Prepend(TaskKeys.NumLabels).Select(key => (key.Name, Key(key, DefaultOf(defaults, TaskKeys.All, key))));
            return (object)new JsonTree
            {
                { "title", $"task {choice.Spelling}" },
                { "type", "object" },
                { "properties", Properties(options.Prepend((TaskKeys.Type.Name, type))) },
                { "required", new[] { TaskKeys.Type.Name } },
                { "additionalProperties", false },
            };
        });
        var alone = new JsonTree { { "title", "the head alone" }, { "enum", TaskKeys.Type.Spellings.ToList() } };
        return new JsonTree
        {
            { "description", ExperimentKeys.Task.Description },
            { "oneOf", heads.Prepend(alone).ToList() },
        };
    }

    private static JsonTree Metrics(SectionKey section)
    {
        var mapping = new JsonTree
        {
            { "type", "object" },
            { "properties", Properties(MetricKeys.All.Select(key => (key.Name, Key(key, DefaultOf(new MetricSpec(), MetricKeys.All, key))))) },
        };
        AddRequired(mapping, MetricKeys.All);
        mapping.Add("additionalProperties", false);
        return new JsonTree
        {
            { "description", section.Description },
            { "type", new[] { "array", "null" } },
            { "items", new JsonTree { { "oneOf", new object[] { new JsonTree { { "enum", MetricKeys.Name.Spellings.ToList() } }, mapping } } } },

            // A metric listed twice the same way; once by name and once as a mapping is the build's to find.
            { "uniqueItems", true },
        };
    }

    /// <summary>
    /// The sweep's keys, with `parameters` a mapping from setting paths to a list of values or (random) a distribution.
    /// Whether each path and value is a valid setting is the build's to say: it checks them as written values.
    /// </summary>
    private static JsonTree Sweep(SectionKey section)
    {
        var list = new JsonTree { { "type", "array" }, { "minItems", 1 }, { "uniqueItems", true } };
        var distribution = new JsonTree
        {
            { "type", "object" },
            {
                "properties", Properties(SweepKeys.Distribution.All.Select(key => (key.Name, key == SweepKeys.Distribution.Values
                    ? new JsonTree { { "description", key.Description }, { "type", "array" }, { "minItems", 1 }, { "uniqueItems", true } }
                    : Key(key, null))))
            },
        };
        AddRequired(distribution, SweepKeys.Distribution.All);
        distribution.Add("additionalProperties", false);
        var parameters = new JsonTree
        {
            { "description", SweepKeys.Parameters.Description },
            { "type", "object" },
            { "minProperties", 1 },
            { "additionalProperties", new JsonTree { { "oneOf", new object[] { list, distribution } } } },
        };
        var seeds = new JsonTree
        {
            { "description", SweepKeys.Seeds.Description },
            { "type", "array" },
            { "items", new JsonTree { { "type", "integer" } } },
            { "uniqueItems", true },
        };
        var tree = new JsonTree
        {
            { "description", section.Description },
            { "type", "object" },
            {
                "properties", Properties([
                    (SweepKeys.Method.Name, Key(SweepKeys.Method, SweepMethod.Grid)),
                    (SweepKeys.Parameters.Name, parameters),
                    (SweepKeys.Seeds.Name, seeds),
                    (SweepKeys.NumTrials.Name, Key(SweepKeys.NumTrials, null)),
                    (SweepKeys.Seed.Name, Key(SweepKeys.Seed, 0)),
                ])
            },
        };
        AddRequired(tree, SweepKeys.All);
        tree.Add("additionalProperties", false);
        return tree;
    }

    /// <summary>A section key's schema; <paramref name="defaultValue"/> is the spec record's, left out when null.</summary>
    private static JsonTree Key(SectionKey key, object? defaultValue)
    {
        var tree = new JsonTree { { "description", key.Description } };
        object Type(string type) => key.Optional ? new[] { type, "null" } : type;
        switch (key.Kind)
        {
            case SectionValueKind.Integer:
                tree.Add("type", Type("integer"));
                break;
            case SectionValueKind.Number:
                tree.Add("type", Type("number"));
                break;
            case SectionValueKind.Boolean:
                tree.Add("type", Type("boolean"));
                break;
            case SectionValueKind.Choice:
                tree.Add("enum", key.Choices.Select(c => Scalar(c.Spelling)).ToList());
                break;
            case SectionValueKind.Rows:
                tree.Add("type", Type("string"));
                tree.Add("pattern", RowRangePattern);
                break;
            case SectionValueKind.TextList:
                tree.Add("type", new[] { "array", "null" });
                tree.Add("items", new JsonTree { { "type", "string" } });
                tree.Add("uniqueItems", true);
                break;
            case SectionValueKind.Label:
                tree.Add("type", new[] { "integer", "string" });
                tree.Add("minimum", 0);
                break;
            default:
                tree.Add("type", Type("string"));
                AddText(tree, key);
                break;
        }

        AddRange(tree, key.Range);
        AddDefault(tree, key.Required || key.DefaultText is not null ? null : defaultValue, key.Choices);
        return tree;
    }

    private static JsonTree ConfigKey(ConfigKey key)
    {
        var tree = new JsonTree { { "description", key.Description } };
        if (key.Choices is { } choices)
        {
            tree.Add("enum", choices.ToList());
        }
        else
        {
            tree.Add("type", key.Kind switch
            {
                ConfigValueKind.Integer => "integer",
                ConfigValueKind.Number => "number",
                ConfigValueKind.OptionalNumber => new[] { "number", "null" },
                ConfigValueKind.Boolean => "boolean",
                _ => (object)"string",
            });
        }

        AddRange(tree, key.Range);
        AddDefault(tree, key.Default, []);
        return tree;
    }

    /// <summary>A known set of names matched ignoring case: offered for completion, and any other spelling refused.</summary>
    private static void AddText(JsonTree tree, SectionKey key)
    {
        if (key.KnownValues.Count > 0)
        {
            tree.Add("examples", key.KnownValues.ToList());
            tree.Add("pattern", "^(?:" + string.Join("|", key.KnownValues.Select(IgnoringCase)) + ")$");
        }

        if (key.Pattern is { } pattern)
        {
            tree.Add("pattern", pattern);
        }
    }

    private static void AddRange(JsonTree tree, ValueRange? range)
    {
        if (range is null)
        {
            return;
        }

        var bounds = new JsonTree();
        if (range.Minimum is { } minimum)
        {
            bounds.Add(range.MinimumExclusive ? "exclusiveMinimum" : "minimum", minimum);
        }

        if (range.Maximum is { } maximum)
        {
            bounds.Add(range.MaximumExclusive ? "exclusiveMaximum" : "maximum", maximum);
        }

        if (range.Sentinel is { } sentinel)
        {
            tree.Add("anyOf", new object[] { new JsonTree { { "const", sentinel } }, bounds });
            return;
        }

        foreach (var bound in bounds)
        {
            tree.Add(bound.Key, bound.Value);
        }
    }

    private static void AddDefault(JsonTree tree, object? value, IReadOnlyList<KeyChoice> choices)
    {
        var json = value switch
        {
            null => null,
            System.Enum member => Scalar(choices.First(c => Equals(c.Value, member)).Spelling),
            EquatableArray<string> { Count: 0 } => null,
            _ => value,
        };
        if (json is not null)
        {
            tree.Add("default", json);
        }
    }

    internal static object? DefaultOf(object record, IReadOnlyList<SectionKey> table, SectionKey key)
    {
        var properties = SectionKeyProperties.Of(record.GetType(), table);
        return properties.Holds(key) ? properties.Get(record, key) : null;
    }

    private static void AddRequired(JsonTree tree, IEnumerable<SectionKey> keys)
    {
        var required = keys.Where(k => k.Required).Select(k => k.Name).ToList();
        if (required.Count > 0)
        {
            tree.Add("required", required);
        }
    }

    private static JsonTree Requires(SectionKey key) => new() { { "required", new[] { key.Name } } };

    private static JsonTree Properties(IEnumerable<(string Name, JsonTree Schema)> properties)
    {
        var tree = new JsonTree();
        foreach (var (name, schema) in properties)
        {
            tree.Add(name, schema);
        }

        return tree;
    }

    /// <summary>A choice as YAML reads it unquoted: truncation's true and false are booleans in JSON.</summary>
    private static object Scalar(string spelling) => spelling switch
    {
        "true" => true,
        "false" => false,
        _ => spelling,
    };

    private static string IgnoringCase(string name)
    {
        var pattern = new StringBuilder();
        foreach (var c in name)
        {
            if (char.ToLowerInvariant(c) != char.ToUpperInvariant(c))
            {
                pattern.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
            }
            else
            {
                pattern.Append(@"\^$.|?*+()[]{}".IndexOf(c) >= 0 ? "\\" + c : c.ToString());
            }
        }

        return pattern.ToString();
    }
}
