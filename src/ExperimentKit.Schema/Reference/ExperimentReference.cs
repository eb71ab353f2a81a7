using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ExperimentKit.Schema.JsonSchema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using ExperimentKit.Schema.Validation;

namespace ExperimentKit.Schema.Reference;

/// <summary>
/// docs/reference.md: every key of an experiment file, section by section, written from the key tables the parser reads
/// (<see cref="ExperimentKeys"/> and each section's, <see cref="ConfigKeyTable"/> for model_type's keys) — the same
/// tables, defaults and ranges <see cref="ExperimentJsonSchema"/> writes the JSON Schema from — with the heads' metrics
/// (<see cref="SpecValidator"/>) and the known datasets (<see cref="KnownDatasets"/>).
/// </summary>
public static class ExperimentReference
{
    /// <summary>Where the committed reference lies, relative to the repository root.</summary>
    public const string RelativePath = "docs/reference.md";

    /// <summary>What regenerates the committed file (the same variable as the JSON Schema's), for the drift test's message and the file's header.</summary>
    public const string RegenerateCommand = "EXPERIMENTKIT_WRITE_SCHEMA=1 dotnet test tests/ExperimentKit.Schema.Tests --filter ReferenceFileTests";

    public static string Write()
    {
        var md = new StringBuilder();
        Line(md, "# Experiment file reference");
        Line(md);
        Line(md, $"<!-- Generated from the key tables of src/ExperimentKit.Schema/Model (ExperimentKit.Schema.Reference.ExperimentReference); do not edit. Regenerate: {RegenerateCommand} -->");
        Line(md);
        Line(md, "Every key an experiment file takes, section by section, written from the tables the parser reads, as");
        Line(md, $"[`{ExperimentJsonSchema.RelativePath}`](../{ExperimentJsonSchema.RelativePath}) is: a key not listed here is an");
        Line(md, "EK0101 error, a value outside its type, choices or range an EK0102 or EK0205 error. *Default* is what a key that is not");
        Line(md, "written takes (Hugging Face's, where the key is theirs); *not set* is Hugging Face's None. Rules between keys (heads that");
        Line(md, "must divide hidden_size, a metric that does not fit the head, strategies that must match) are the build's: see");
        Line(md, "[experiment files](experiment-files.md) and [errors](errors.md). Any key can be changed for one run with");
        Line(md, "`--set section.key=value`.");
        Line(md);
        Line(md, "Sections: " + string.Join(" · ", ExperimentKeys.All.Where(k => k.Kind != SectionValueKind.Text).Select(k => $"[`{k.Name}`](#{k.Name})")));
        Line(md);

        TopLevel(md);
        Model(md);
        Task(md);
        Dataset(md);
        SectionTable(md, ExperimentKeys.Tokenizer, TokenizerKeys.All, new TokenizerSpec());
        SectionTable(md, ExperimentKeys.Collator, CollatorKeys.All, new CollatorSpec());
        Metrics(md);
        SectionTable(md, ExperimentKeys.Training, TrainingKeys.All, new TrainingSpec());
        Sweep(md);
        return md.ToString();
    }

    private static void TopLevel(StringBuilder md)
    {
        Line(md, "## Top level");
        Line(md);
        Line(md, "| key | required | what |");
        Line(md, "|---|---|---|");
        foreach (var key in ExperimentKeys.All)
        {
            var name = key.Kind == SectionValueKind.Text ? $"`{key.Name}`" : $"[`{key.Name}`](#{key.Name})";
            Line(md, $"| {name} | {(key.Required ? "yes" : "no")} | {Cell(key.Description)}{(key.Pattern is { } pattern ? $" Pattern: `{pattern}`." : "")} |");
        }

        Line(md);
    }

    private static void Model(StringBuilder md)
    {
        Section(md, ExperimentKeys.Model);
        Line(md, "Keys of every model_type:");
        Line(md);
        KeyTable(md, ModelSectionKeys.All, key => ExperimentJsonSchema.DefaultOf(new BertSpec(), ModelSectionKeys.All, key));
        foreach (var table in ConfigKeyTable.All)
        {
            var counterparts = table.Keys.Any(k => k.Counterpart is not null);
            Line(md, $"### `model_type: {table.ModelType}`");
            Line(md);
            Line(md, "*Over a checkpoint*: an architecture key must agree with the checkpoint's config.json (EK0401 otherwise); a training-time key may be set anew, as a keyword argument of from_pretrained.");
            Line(md);
            Line(md, counterparts ? "| key | BERT's name | type | default | allowed | over a checkpoint | what |" : "| key | type | default | allowed | over a checkpoint | what |");
            Line(md, counterparts ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|");
            foreach (var key in table.Keys.Where(k => k.InModelSection))
            {
                var allowed = key.Choices is { } choices ? Choices(choices) : key.Range is { } range ? Cell(range.Requirement) : "";
                var role = key.Role == ConfigKeyRole.Architecture ? "architecture" : "training-time";
                var counterpart = counterparts ? $" {(key.Counterpart is { } c ? $"`{c}`" : "")} |" : "";
                Line(md, $"| `{key.Name}` |{counterpart} {ConfigType(key)} | {ConfigDefault(key)} | {allowed} | {role} | {Cell(key.Description)} |");
            }

            Line(md);
            var configOnly = table.Keys.Where(k => !k.InModelSection).ToList();
            if (configOnly.Count > 0)
            {
                Line(md, "config.json also carries, read and written but never a `model:` key: "
                    + string.Join("; ", configOnly.Select(k => $"`{k.Name}` ({ConfigDefault(k)}: {Cell(k.Description)})")) + ".");
                Line(md);
            }
        }
    }

    private static void Task(StringBuilder md)
    {
        Section(md, ExperimentKeys.Task);
        Line(md, "`task: <head>`, or the mapping form `task: {type: <head>, ...}` with the head's options. The heads, their options and the");
        Line(md, "metrics that apply to them (any other metric is an EK0202 error):");
        Line(md);
        Line(md, "| head | options | metrics |");
        Line(md, "|---|---|---|");
        foreach (var choice in TaskKeys.Type.Choices)
        {
            var kind = (TaskKind)choice.Value;
            var options = TaskKeys.Options[kind].Prepend(TaskKeys.NumLabels).Select(k => $"`{k.Name}`");
            Line(md, $"| `{choice.Spelling}` | {string.Join(", ", options)} | {MetricNames(TaskSection.Defaults(kind, null))} |");
        }

        var multiLabel = new SequenceClassificationTaskSpec { ProblemType = ProblemType.MultiLabelClassification };
        Line(md, $"| `sequence_classification` with `problem_type: multi_label_classification` | | {MetricNames(multiLabel)} |");
        Line(md);
        Line(md, "The keys of the mapping form:");
        Line(md);
        Line(md, "| key | heads | type | default | allowed | what |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var key in TaskKeys.All)
        {
            var heads = TaskKeys.Type.Choices.Where(c => key == TaskKeys.Type || key == TaskKeys.NumLabels || TaskKeys.Options[(TaskKind)c.Value].Contains(key)).ToList();
            var headNames = heads.Count == TaskKeys.Type.Choices.Count ? "all" : string.Join(", ", heads.Select(h => $"`{h.Spelling}`"));
            var defaults = heads
                .Select(h => (Head: h.Spelling, Value: Default(key, ExperimentJsonSchema.DefaultOf(TaskSection.Defaults((TaskKind)h.Value, null), TaskKeys.All, key))))
                .GroupBy(d => d.Value)
                .ToList();
            var defaultText = defaults.Count == 1 ? defaults[0].Key : string.Join("; ", defaults.Select(g => $"{g.Key} under {string.Join(", ", g.Select(d => $"`{d.Head}`"))}"));
            Line(md, $"| `{key.Name}` | {headNames} | {Type(key)} | {defaultText} | {Allowed(key)} | {Cell(key.Description)} |");
        }

        Line(md);
    }

    private static void Dataset(StringBuilder md)
    {
        SectionTable(md, ExperimentKeys.Dataset, DatasetKeys.All, new DatasetSpec(), "`name:` or `path:` is required, not both. A known dataset fills every key it is not given; with `path:` the defaults below apply.");
        Line(md, "### Known datasets");
        Line(md);
        Line(md, "Their files lie under the data root (`$EXPERIMENTKIT_DATA_ROOT`, `dataset.data_root`, or `../shared/data` beside the repository).");
        Line(md);
        Line(md, "| name | head | folder | train | validation | test | format | columns | label names |");
        Line(md, "|---|---|---|---|---|---|---|---|---|");
        foreach (var dataset in KnownDatasets.All)
        {
            var task = TaskKeys.Type.Choices.First(c => Equals(c.Value, dataset.Task)).Spelling;
            var format = DatasetKeys.All.First(k => k.Name == "format").Choices.First(c => Equals(c.Value, dataset.Format)).Spelling;
            var columns = new[] { dataset.TextA, dataset.TextB, dataset.Label }.Where(c => c is not null).Select(c => $"`{c}`");
            var labels = dataset.LabelNames.Count > 0 ? string.Join(", ", dataset.LabelNames.Select(n => $"`{n}`")) : "";
            Line(md, $"| `{dataset.Name}` | `{task}` | `{dataset.Folder}/` | `{dataset.TrainFile}`{Rows(dataset.TrainRows)} | `{dataset.ValidationFile}`{Rows(dataset.ValidationRows)} | {(dataset.TestFile is { } test ? $"`{test}`" : "")} | `{format}` | {string.Join(", ", columns)} | {labels} |");
        }

        Line(md);
    }

    private static void Metrics(StringBuilder md)
    {
        Section(md, ExperimentKeys.Metrics);
        Line(md, "Each entry is a metric's name (`metrics: [accuracy, f1]`) or a mapping with its arguments (`{name: f1, average: macro}`); which");
        Line(md, "metrics apply to which head is in the [`task`](#task) table. The keys of the mapping:");
        Line(md);
        KeyTable(md, MetricKeys.All, key => ExperimentJsonSchema.DefaultOf(new MetricSpec(), MetricKeys.All, key));
    }

    private static void Sweep(StringBuilder md)
    {
        Section(md, ExperimentKeys.Sweep);
        Line(md, "Runs with `dotnet run -- sweep <experiment>`; see [sweeps](sweeps.md).");
        Line(md);
        KeyTable(md, SweepKeys.All, key => key == SweepKeys.Method ? SweepMethod.Grid : key == SweepKeys.Seed ? 0 : null);
        Line(md, "A setting of a random sweep is a list (a choice) or a mapping with these keys:");
        Line(md);
        KeyTable(md, SweepKeys.Distribution.All, _ => null);
    }

    private static void SectionTable(StringBuilder md, SectionKey section, IReadOnlyList<SectionKey> keys, object defaults, string? note = null)
    {
        Section(md, section);
        if (note is not null)
        {
            Line(md, note);
            Line(md);
        }

        KeyTable(md, keys, key => ExperimentJsonSchema.DefaultOf(defaults, keys, key));
    }

    private static void Section(StringBuilder md, SectionKey section)
    {
        Line(md, $"## `{section.Name}`");
        Line(md);
        Line(md, $"{section.Description}{(section.Required ? " Required." : "")}");
        Line(md);
    }

    private static void KeyTable(StringBuilder md, IReadOnlyList<SectionKey> keys, Func<SectionKey, object?> defaultOf)
    {
        Line(md, "| key | type | default | allowed | what |");
        Line(md, "|---|---|---|---|---|");
        foreach (var key in keys)
        {
            Line(md, $"| `{key.Name}` | {Type(key)} | {Default(key, defaultOf(key))} | {Allowed(key)} | {Cell(key.Description)} |");
        }

        Line(md);
    }

    private static string Type(SectionKey key)
    {
        var type = key.Kind switch
        {
            SectionValueKind.Integer => "integer",
            SectionValueKind.Number => "number",
            SectionValueKind.Boolean => "boolean",
            SectionValueKind.Choice => "choice",
            SectionValueKind.Rows => "row range",
            SectionValueKind.TextList => "list of text",
            SectionValueKind.Label => "label id or name",
            SectionValueKind.Mapping => "mapping",
            SectionValueKind.List => "list",
            _ => "text",
        };
        return key.Optional ? type + " or null" : type;
    }

    private static string Allowed(SectionKey key)
    {
        if (key.Choices.Count > 0)
        {
            return Choices(key.Spellings);
        }

        if (key.Range is { } range)
        {
            return Cell(range.Requirement);
        }

        if (key.KnownValues.Count > 0)
        {
            return "a known dataset (below), any case";
        }

        if (key.Pattern is { } pattern)
        {
            return $"`{pattern}`";
        }

        return key.Kind == SectionValueKind.Rows ? "`'[:1000]'`, `'1000:'`, `'100:200'`" : "";
    }

    private static string Default(SectionKey key, object? value) => key.Required
        ? "required"
        : key.DefaultText is { } text
        ? Cell(text)
        : value switch
        {
            null => key.Optional ? "not set" : "",
            Enum member => $"`{key.Choices.First(c => Equals(c.Value, member)).Spelling}`",
            EquatableArray<string> { Count: 0 } => "none",
            EquatableArray<string> list => string.Join(", ", list.Select(v => $"`{v}`")),
            _ => $"`{Scalar(value)}`",
        };

    private static string ConfigType(ConfigKey key) => key.Choices is not null
        ? "choice"
        : key.Kind switch
        {
            ConfigValueKind.Integer => "integer",
            ConfigValueKind.Number => "number",
            ConfigValueKind.OptionalNumber => "number or null",
            ConfigValueKind.Boolean => "boolean",
            _ => "text",
        };

    private static string ConfigDefault(ConfigKey key) => key.Default is null ? "not set" : $"`{Scalar(key.Default)}`";

    private static string MetricNames(TaskSpec task) =>
        string.Join(", ", SpecValidator.MetricsFor(task).Select(m => $"`{MetricKeys.Name.Choices.First(c => Equals(c.Value, m)).Spelling}`"));

    private static string Rows(RowRange? rows) => rows is { } range ? $" rows `{range}`" : "";

    private static string Choices(IEnumerable<string> spellings) => string.Join(", ", spellings.Select(s => $"`{s}`"));

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Cell(string text) => text.Replace("|", "\\|");

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
