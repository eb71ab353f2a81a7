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
    /// <summary>The task family of the known dataset the section names, if any, read before the section itself.</summary>
    public static TaskKind? KnownTask(YamlNode? section) =>
        section is YamlMapping mapping
        && mapping.Entries.FirstOrDefault(e => e.Key.Value == DatasetKeys.Name.Name)?.Value is YamlScalar { IsNull: false } name
            ? KnownDatasets.Find(name.Value)?.Task
            : null;

    public static DatasetSpec Read(MappingReader root, ParseContext context, TaskSpec task)
    {
        var written = root.Has(ExperimentKeys.Dataset.Name);
        var r = root.Section(ExperimentKeys.Dataset, "'name: glue/mrpc' or 'path:' with data file keys", DatasetKeys.All.Select(k => k.Name));
        var name = r.ReadOptionalText(DatasetKeys.Name.Name, null);
        var path = r.ReadOptionalText(DatasetKeys.Path.Name, null);
        var known = name is null ? null : KnownDatasets.Find(name);
        if (name is not null && known is null)
        {
            context.Report(
                SchemaRules.WrongValueType,
                r.Peek(DatasetKeys.Name.Name)!.Start,
                $"unknown dataset '{name}'" + Suggestions.Hint(name, DatasetKeys.Name.KnownValues) + " (or give 'path:' to a folder of TSV files)");
        }

        if (name is not null && path is not null)
        {
            context.Report(
                SchemaRules.ConflictingSettings,
                r.Peek(DatasetKeys.Path.Name)!.Start,
                "'dataset.name' and 'dataset.path' are mutually exclusive: name a known dataset or give the folder of your TSV files, not both");
        }
        else if (written && name is null && path is null)
        {
            context.Report(
                SchemaRules.MissingKey,
                r.Start,
                "'dataset' needs 'name' (one of " + string.Join(", ", DatasetKeys.Name.KnownValues) + ") or 'path' (a folder of TSV files)");
        }

        var labels = r.ReadList(DatasetKeys.LabelNames.Name, ScalarTypes.Text);
        foreach (var repeat in labels?.GroupBy(l => l.Value).Where(g => g.Count() > 1).Select(g => g.ElementAt(1)) ?? [])
        {
            context.Report(SchemaRules.DuplicateKey, repeat.Location, $"label '{repeat.Value}' is listed twice in 'label_names'; list each class once, in label-id order");
        }

        // The train file comes first: a format not written follows its extension.
        var fallback = Fallback(known, task, r.ReadOptionalText(DatasetKeys.TrainFile.Name, known?.TrainFile));
        var spec = SectionReading.Read(r, fallback, DatasetKeys.All, DatasetKeys.All.Except([DatasetKeys.Name, DatasetKeys.Path, DatasetKeys.LabelNames, DatasetKeys.TrainFile]));
        r.ReportUnknownKeys();
        return spec with
        {
            Name = known?.Name ?? name,
            Path = path,
            // Masked LM reads only the text of a classification dataset, so its class names are not the experiment's.
            LabelNames = labels is not null ? new EquatableArray<string>(labels.Select(l => l.Value))
                : task.Kind == TaskKind.MaskedLm ? spec.LabelNames
                : known?.LabelNames ?? spec.LabelNames,
        };
    }

    /// <summary>What a key not written reads as: the known dataset's files and columns, else the record's defaults.</summary>
    private static DatasetSpec Fallback(KnownDataset? known, TaskSpec task, string? trainFile)
    {
        var d = new DatasetSpec { TrainFile = trainFile, Format = known?.Format ?? DefaultFormat(task, trainFile) };
        return known is null ? d : d with
        {
            ValidationFile = known.ValidationFile,
            TestFile = known.TestFile,
            TextA = known.TextA,
            TextB = known.TextB,
            Label = known.Label,
            TrainRows = known.TrainRows,
            ValidationRows = known.ValidationRows,
        };
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
