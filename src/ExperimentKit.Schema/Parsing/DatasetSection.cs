using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `dataset:` — a known dataset by name (its files, columns and labels fill every key not written), or a folder of
/// TSV files by path. Exactly one of Name and Path is set in the resulting spec; the runtime finds a known
/// dataset's folder and file columns through <see cref="KnownDatasets.Find"/>.
/// </summary>
internal static class DatasetSection
{
    public static DatasetSpec Read(MappingReader r, ParseContext context, bool written)
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

        var spec = new DatasetSpec
        {
            Name = known?.Name ?? name,
            Path = path,
            DataRoot = r.ReadOptionalText("data_root", d.DataRoot),
            TrainFile = r.ReadOptionalText("train_file", known?.TrainFile ?? d.TrainFile),
            ValidationFile = r.ReadOptionalText("validation_file", known?.ValidationFile ?? d.ValidationFile),
            TextA = r.Read("text_a", known?.TextA ?? d.TextA, ScalarTypes.Text),
            TextB = r.ReadOptionalText("text_b", known is null ? d.TextB : known.TextB),
            Label = r.Read("label", known?.Label ?? d.Label, ScalarTypes.Text),
            LabelNames = labels is null ? known?.LabelNames ?? d.LabelNames : new EquatableArray<string>(labels.Select(l => l.Value)),
            MaxTrainSamples = r.ReadOptional("max_train_samples", d.MaxTrainSamples, ScalarTypes.Integer),
            MaxEvalSamples = r.ReadOptional("max_eval_samples", d.MaxEvalSamples, ScalarTypes.Integer),
        };
        r.ReportUnknownKeys();
        return spec;
    }
}
