using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `dataset:` — a known dataset by name (its files, columns and labels fill every key not written), or a folder of
/// data files by path in a format the train file's extension or `format:` names. Exactly one of Name and Path is set in the resulting spec; the runtime finds a known
/// dataset's folder and file columns through <see cref="KnownDatasets.Find"/>.
/// </summary>
internal static class DatasetSection
{
    private static readonly ScalarType<DataFormat> Format = ScalarTypes.Enum<DataFormat>();

    /// <summary>The task family of the known dataset the section names, if any, read before the section itself.</summary>
    public static TaskKind? KnownTask(YamlNode? section) =>
        section is YamlMapping mapping
        && mapping.Entries.FirstOrDefault(e => e.Key.Value == "name")?.Value is YamlScalar { IsNull: false } name
            ? KnownDatasets.Find(name.Value)?.Task
            : null;

    public static DatasetSpec Read(MappingReader r, ParseContext context, bool written, TaskSpec task)
    {
        var d = new DatasetSpec();
        var name = r.ReadOptionalText("name", null);
        var path = r.ReadOptionalText("path", null);
        var known = name is null ? null : KnownDatasets.Find(name);
        if (name is not null && known is null)
        {
            context.Report(
                SchemaRules.WrongValueType,
                r.Peek("name")!.Start,
                $"unknown dataset '{name}'" + Suggestions.Hint(name, KnownDatasets.All.Select(k => k.Name).ToList()) + " (or give 'path:' to a folder of TSV files)");
        }

        if (name is not null && path is not null)
        {
            context.Report(
                SchemaRules.ConflictingSettings,
                r.Peek("path")!.Start,
                "'dataset.name' and 'dataset.path' are mutually exclusive: name a known dataset or give the folder of your TSV files, not both");
        }
        else if (written && name is null && path is null)
        {
            context.Report(
                SchemaRules.MissingKey,
                r.Start,
                "'dataset' needs 'name' (one of " + string.Join(", ", KnownDatasets.All.Select(k => k.Name)) + ") or 'path' (a folder of TSV files)");
        }

        var labels = r.ReadList("label_names", ScalarTypes.Text);
        foreach (var repeat in labels?.GroupBy(l => l.Value).Where(g => g.Count() > 1).Select(g => g.ElementAt(1)) ?? [])
        {
            context.Report(SchemaRules.DuplicateKey, repeat.Location, $"label '{repeat.Value}' is listed twice in 'label_names'");
        }

        var trainFile = r.ReadOptionalText("train_file", known?.TrainFile ?? d.TrainFile);
        var spec = new DatasetSpec
        {
            Name = known?.Name ?? name,
            Path = path,
            DataRoot = r.ReadOptionalText("data_root", d.DataRoot),
            Format = r.Read("format", known?.Format ?? DefaultFormat(task, trainFile), Format),
            TrainFile = trainFile,
            ValidationFile = r.ReadOptionalText("validation_file", known?.ValidationFile ?? d.ValidationFile),
            TestFile = r.ReadOptionalText("test_file", known?.TestFile ?? d.TestFile),
            TagColumn = r.Read("tag_column", d.TagColumn, ScalarTypes.Integer),
            TextA = r.Read("text_a", known?.TextA ?? d.TextA, ScalarTypes.Text),
            TextB = r.ReadOptionalText("text_b", known is null ? d.TextB : known.TextB),
            Label = r.Read("label", known?.Label ?? d.Label, ScalarTypes.Text),
            Tokens = r.Read("tokens", d.Tokens, ScalarTypes.Text),
            Question = r.Read("question", d.Question, ScalarTypes.Text),
            Context = r.Read("context", d.Context, ScalarTypes.Text),
            Answers = r.Read("answers", d.Answers, ScalarTypes.Text),
            Choices = r.Read("choices", d.Choices, ScalarTypes.Text),
            TrainRows = r.ReadOptional("train_rows", known?.TrainRows, ScalarTypes.Rows),
            ValidationRows = r.ReadOptional("validation_rows", known?.ValidationRows, ScalarTypes.Rows),
            // Masked LM reads only the text of a classification dataset, so its class names are not the experiment's.
            LabelNames = labels is not null ? new EquatableArray<string>(labels.Select(l => l.Value))
                : task.Kind == TaskKind.MaskedLm ? d.LabelNames
                : known?.LabelNames ?? d.LabelNames,
            MaxTrainSamples = r.ReadOptional("max_train_samples", d.MaxTrainSamples, ScalarTypes.Integer),
            MaxEvalSamples = r.ReadOptional("max_eval_samples", d.MaxEvalSamples, ScalarTypes.Integer),
        };
        r.ReportUnknownKeys();
        return spec;
    }

    /// <summary>
    /// A format not written follows the train file's extension, as `datasets` picks its loader; .json holds SQuAD's
    /// nesting for question answering and an array of records otherwise. CoNLL files (.txt) are token classification's.
    /// </summary>
    private static DataFormat DefaultFormat(TaskSpec task, string? trainFile)
    {
        var extension = trainFile is null ? string.Empty : System.IO.Path.GetExtension(trainFile).ToLowerInvariant();
        return extension switch
        {
            ".csv" => DataFormat.Csv,
            ".jsonl" => DataFormat.JsonLines,
            ".json" => task.Kind == TaskKind.QuestionAnswering ? DataFormat.Squad : DataFormat.Json,
            ".parquet" => DataFormat.Parquet,
            ".txt" => task.Kind == TaskKind.TokenClassification ? DataFormat.Conll : DataFormat.Text,
            _ => task.Kind == TaskKind.TokenClassification ? DataFormat.Conll : DataFormat.Tsv,
        };
    }
}
