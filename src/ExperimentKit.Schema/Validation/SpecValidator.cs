using System.Globalization;
using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;

namespace ExperimentKit.Schema.Validation;

/// <summary>
/// Rules about values that each parse but together would not train (EK02xx, plus keys only required in some
/// combinations). Each finding stands at the written value it names, or at its section when the value is a default.
/// </summary>
internal sealed partial class SpecValidator(ExperimentSpec spec, ParseContext context)
{
    public void Validate()
    {
        ValidateModel(spec.Model);
        ValidateTask();
        ValidateDataset(spec.Dataset);
        ValidateMetrics();
        ValidateTokenizer(spec.Tokenizer);
        ValidateTraining(spec.Training);
    }

    private void ValidateTask()
    {
        Check(
            spec.Task.Kind == TaskKind.SequenceClassification,
            SchemaRules.TaskNotImplemented,
            "task",
            $"task '{Snake(spec.Task.Kind)}' is not yet supported by the runtime; supported: sequence_classification");
        if (spec.Dataset.Name is { } name && KnownDatasets.Find(name) is { } known)
        {
            Check(
                known.Task == spec.Task.Kind,
                SchemaRules.MetricDoesNotFitTask,
                "task",
                $"task '{Snake(spec.Task.Kind)}' does not fit dataset '{known.Name}', which is a {Snake(known.Task)} dataset");
        }
    }

    private void ValidateDataset(DatasetSpec d)
    {
        if (d.Path is not null)
        {
            Check(d.TrainFile is not null, SchemaRules.MissingKey, "dataset", "'dataset.train_file' is required with 'dataset.path' (the training TSV file in that folder)");
            Check(
                spec.Task.Kind != TaskKind.SequenceClassification || d.LabelNames.Count > 0,
                SchemaRules.MissingKey,
                "dataset",
                "'dataset.label_names' is required with 'dataset.path' for sequence_classification: list the class names in label-id order");
        }

        if (spec.Task.Kind == TaskKind.SequenceClassification && d.LabelNames.Count == 1)
        {
            Report(SchemaRules.OutOfRange, "dataset.label_names", "'label_names' must list at least 2 classes for sequence_classification, got 1");
        }

        OptionalPositive("dataset.max_train_samples", d.MaxTrainSamples);
        OptionalPositive("dataset.max_eval_samples", d.MaxEvalSamples);
    }

    private void ValidateMetrics()
    {
        var classification = spec.Task.Kind is TaskKind.SequenceClassification or TaskKind.TokenClassification or TaskKind.MultipleChoice;
        for (var i = 0; i < spec.Metrics.Count; i++)
        {
            var metric = spec.Metrics[i];
            var path = $"metrics[{i}]";
            var forRegression = metric is MetricKind.Pearson or MetricKind.Spearmanr or MetricKind.Mse;
            if (forRegression && spec.Task.Kind != TaskKind.Regression)
            {
                Report(SchemaRules.MetricDoesNotFitTask, path, $"metric '{Snake(metric)}' needs a regression task, but the task is '{Snake(spec.Task.Kind)}'; use accuracy, f1, precision, recall or matthews_correlation");
            }
            else if (!forRegression && !classification)
            {
                Report(SchemaRules.MetricDoesNotFitTask, path, $"metric '{Snake(metric)}' needs a classification task, but the task is '{Snake(spec.Task.Kind)}'; use pearson, spearmanr or mse");
            }
            else if (metric is MetricKind.F1 or MetricKind.Precision or MetricKind.Recall && spec.Dataset.LabelNames.Count != 2)
            {
                Report(SchemaRules.MetricDoesNotFitTask, path, $"metric '{Snake(metric)}' is binary and needs exactly 2 labels, but the dataset has {Text(spec.Dataset.LabelNames.Count)}; use accuracy or matthews_correlation");
            }
        }
    }

    private void ValidateTokenizer(TokenizerSpec t)
    {
        Positive("tokenizer.max_length", t.MaxLength);
        Check(
            t.MaxLength <= spec.Model.MaxPositionEmbeddings,
            SchemaRules.OutOfRange,
            Written("tokenizer.max_length") ? "tokenizer.max_length" : "model.max_position_embeddings",
            $"tokenizer.max_length ({Text(t.MaxLength)}) must not exceed model.max_position_embeddings ({Text(spec.Model.MaxPositionEmbeddings)})");
        OptionalPositive("collator.pad_to_multiple_of", spec.Collator.PadToMultipleOf);
    }

    private void Positive(string path, int value) =>
        Check(value > 0, SchemaRules.OutOfRange, path, $"'{Key(path)}' must be a positive integer, got {Text(value)}");

    private void OptionalPositive(string path, int? value)
    {
        if (value is { } written)
        {
            Positive(path, written);
        }
    }

    private void Probability(string path, double value) =>
        Check(value is >= 0 and < 1, SchemaRules.OutOfRange, path, $"'{Key(path)}' must be in [0, 1), got {Text(value)}");

    private void Check(bool valid, SchemaRule rule, string path, string message)
    {
        if (!valid)
        {
            Report(rule, path, message);
        }
    }

    private void Report(SchemaRule rule, string path, string message) =>
        context.Report(rule, spec.Locations.Find(path) ?? new SourceLocation(1, 1), message);

    private bool Written(string path) => spec.Locations.Paths.Contains(path);

    private static string Key(string path) => path.Substring(path.LastIndexOf('.') + 1);

    private static string Snake<T>(T value)
        where T : struct => SnakeCase.From(value.ToString()!);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
