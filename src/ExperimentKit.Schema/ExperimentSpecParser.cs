using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using ExperimentKit.Schema.Sweeps;
using ExperimentKit.Schema.Validation;
using ExperimentKit.Schema.Yaml;
using YamlDotNet.Core;

namespace ExperimentKit.Schema;

/// <summary>
/// Experiment YAML → <see cref="ExperimentSpec"/> with every finding located. Required sections: model, task, dataset
/// and training (model and training may be empty mappings, meaning Hugging Face defaults — they are required so a
/// file says on purpose that it trains a BERT-base-sized model with TrainingArguments defaults). Optional: name
/// (default: the file name), tokenizer, collator, metrics (default: none besides the loss), sweep (see <see cref="SweepSection"/>).
/// Value rules (EK02xx) run only once every key and type is right, so one mistake never causes a second finding.
/// Never throws: an unexpected exception becomes an EK0901 finding.
/// </summary>
public static class ExperimentSpecParser
{
    private static readonly Regex ExperimentName = new(ExperimentKeys.Name.Pattern!, RegexOptions.CultureInvariant);

    /// <param name="overrides">`--set` key paths and values, applied over the file's values (see <see cref="SchemaDiagnostic.Format"/>).</param>
    public static SchemaResult Parse(string filePath, string yamlText, IReadOnlyList<SettingOverride>? overrides = null)
    {
        var context = new ParseContext(filePath);
        ExperimentSpec? spec = null;
        SweepSpec? sweep = null;
        try
        {
            if (ReadRoot(context, yamlText) is { } root)
            {
                var mapping = YamlOverrides.Apply(root, overrides ?? [], context);
                (spec, sweep) = ReadExperiment(context, mapping, readSweep: true);
                if (spec is not null && sweep is not null && !context.HasErrors)
                {
                    SweepValidator.Validate(context, spec, sweep, point => Reread(filePath, mapping, point));
                }
            }
        }
        catch (YamlException e)
        {
            context.Report(
                SchemaRules.YamlSyntax,
                new SourceLocation(Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)),
                e.Message.TrimEnd('.') + "; fix the YAML here: a ':' after each key, indentation by spaces, closed quotes and brackets");
        }
        catch (Exception e)
        {
            context.Report(
                SchemaRules.InternalError,
                context.LastLocation,
                $"internal error while reading the experiment ({e.GetType().Name}: {e.Message}); please report it with this file");
        }

        return new SchemaResult(context.HasErrors ? null : spec, context.Diagnostics()) { Sweep = context.HasErrors ? null : sweep };
    }

    private static YamlMapping? ReadRoot(ParseContext context, string yamlText)
    {
        var root = YamlTreeReader.Read(yamlText, out var secondDocument);
        if (secondDocument is { } second)
        {
            context.Report(SchemaRules.YamlSyntax, second, "an experiment file holds one YAML document; remove the second '---' and what follows");
        }

        if (root is null or YamlScalar { IsNull: true })
        {
            context.Report(SchemaRules.MissingKey, new SourceLocation(1, 1), "the experiment file is empty; it needs the sections model, task, dataset and training");
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            context.Report(
                SchemaRules.WrongValueType,
                root.Start,
                $"the experiment file must be a mapping of sections (name, model, task, dataset, tokenizer, collator, metrics, training, sweep), got {root.Describe()}");
            return null;
        }

        return mapping;
    }

    private static (ExperimentSpec? Spec, SweepSpec? Sweep) ReadExperiment(ParseContext context, YamlMapping mapping, bool readSweep)
    {
        var r = new MappingReader(context, string.Empty, mapping, ExperimentKeys.All.Select(k => k.Name));
        var name = ReadName(r, context);
        var model = ModelSection.Read(r);
        var task = TaskSection.Read(r, DatasetSection.KnownTask(r.Peek(ExperimentKeys.Dataset.Name)));
        var dataset = DatasetSection.Read(r, context, task);
        var tokenizer = TokenizerSection.Read(r, task);
        var collator = CollatorSection.Read(r, model);
        var metrics = MetricsSection.Read(r, context, dataset);
        var training = TrainingSection.Read(r);
        var sweep = r.Has(ExperimentKeys.Sweep.Name) && readSweep ? SweepSection.Read(r, context) : null;
        r.ReportUnknownKeys();

        var spec = new ExperimentSpec(name, model, task, dataset, tokenizer, collator, metrics, training, context.SourceMap());
        if (!context.HasErrors)
        {
            new SpecValidator(spec, context).Validate();
        }

        return (spec, sweep);
    }

    /// <summary>The experiment read again with one sweep point's values written over it, each at its place in the sweep.</summary>
    private static SchemaResult Reread(string filePath, YamlMapping mapping, IReadOnlyList<SweptSetting> point)
    {
        var context = new ParseContext(filePath);
        var placed = point.Select(s => new YamlOverrides.PlacedOverride(s.ToOverride(), s.PathLocation, s.Location)).ToArray();
        var (spec, _) = ReadExperiment(context, YamlOverrides.Apply(mapping, placed, context), readSweep: false);
        return new SchemaResult(context.HasErrors ? null : spec, context.Diagnostics());
    }

    /// <summary>The name becomes a C# type name and a command-line argument, so it is kept to letters, digits, '-' and '_'.</summary>
    private static string ReadName(MappingReader r, ParseContext context)
    {
        var written = r.ReadOptionalText(ExperimentKeys.Name.Name, null);
        var name = written ?? FileNameWithoutExtension(context.FilePath);
        if (!ExperimentName.IsMatch(name))
        {
            context.Report(
                SchemaRules.WrongValueType,
                r.Peek(ExperimentKeys.Name.Name)?.Start ?? new SourceLocation(1, 1),
                written is null
                    ? $"the file name '{name}' is not a valid experiment name; add 'name:' with a letter first, then letters, digits, '-' or '_'"
                    : $"'name' must start with a letter and hold only letters, digits, '-' or '_', got '{name}'");
        }

        return name;
    }

    private static string FileNameWithoutExtension(string path)
    {
        var file = path.Split('/', '\\').Last();
        var dot = file.LastIndexOf('.');
        return dot > 0 ? file.Substring(0, dot) : file;
    }
}
