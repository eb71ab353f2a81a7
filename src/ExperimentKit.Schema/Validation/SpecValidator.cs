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
        ValidateRanges();
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
            spec.Task.Kind != TaskKind.MaskedLm || spec.Model is BertSpec,
            SchemaRules.TaskNotImplemented,
            "task",
            $"task 'masked_lm' is built for model_type '{BertSpec.Type}' only (BertForMaskedLM); model_type '{spec.Model.ModelType}' has no masked-LM head here; use model_type '{BertSpec.Type}' for masked_lm");
        if (spec.Dataset.Name is { } name && KnownDatasets.Find(name) is { } known && !FitsKnownDataset(known))
        {
            Report(
                SchemaRules.MetricDoesNotFitTask,
                "task",
                $"task '{Snake(spec.Task.Spelling)}' does not fit dataset '{known.Name}', which is a {Snake(known.Task)} dataset"
                + (spec.Task.Kind == TaskKind.TokenClassification
                    ? " with no tag column; token_classification needs a CoNLL dataset (conll2003, or 'path:' with 'format: conll')"
                    : $"; use task '{Snake(known.Task)}' or another dataset"));
        }

        if (spec.Task.NumLabels is { } written && written != spec.Task.LabelCount(spec.Dataset))
        {
            Report(
                SchemaRules.ConflictingSettings,
                "task.num_labels",
                spec.Task is SequenceClassificationTaskSpec { ProblemType: ProblemType.Regression }
                    ? $"num_labels is {Text(written)}, but regression predicts one score; set num_labels to 1 or remove it"
                    : $"num_labels is {Text(written)}, but the dataset's label_names list {Text(spec.Dataset.LabelNames.Count)} classes ({string.Join(", ", spec.Dataset.LabelNames)}); make them agree or remove num_labels");
        }

        if (spec.Task is SequenceClassificationTaskSpec { ProblemType: not ProblemType.SingleLabelClassification } or QuestionAnsweringTaskSpec && spec.Training.LabelSmoothingFactor > 0)
        {
            Report(SchemaRules.ConflictingSettings, "training.label_smoothing_factor", "'label_smoothing_factor' smooths class labels (classification, tokens, choices, masked tokens); it does not apply to this head, remove it");
        }

        ValidateHeadOptions();
    }

    /// <summary>
    /// A known dataset serves its own task family; masked LM reads the text of any of them, and a classification
    /// dataset also serves sequence classification with any problem_type but regression.
    /// </summary>
    private bool FitsKnownDataset(KnownDataset known) =>
        known.Task == spec.Task.Spelling
        || spec.Task.Kind == TaskKind.MaskedLm && known.Task is TaskKind.SequenceClassification or TaskKind.Regression
        || (known.Task == TaskKind.SequenceClassification && spec.Task is SequenceClassificationTaskSpec { ProblemType: not ProblemType.Regression });

    private void ValidateDataset(DatasetSpec d)
    {
        var classes = spec.Task is SequenceClassificationTaskSpec { ProblemType: not ProblemType.Regression } or TokenClassificationTaskSpec;
        if (d.Path is not null)
        {
            Check(d.TrainFile is not null, SchemaRules.MissingKey, "dataset", "'dataset.train_file' is required with 'dataset.path': add it, naming the training file in that folder");
            Check(
                !classes || d.LabelNames.Count > 0,
                SchemaRules.MissingKey,
                "dataset",
                $"'dataset.label_names' is required with 'dataset.path' for {Snake(spec.Task.Spelling)}: list the class names in label-id order");
        }

        if (classes && d.LabelNames.Count == 1)
        {
            Report(SchemaRules.OutOfRange, "dataset.label_names", $"'label_names' must list at least 2 classes for {Snake(spec.Task.Spelling)}, got 1");
        }

        if (!classes && d.LabelNames.Count > 0)
        {
            Report(
                SchemaRules.ConflictingSettings,
                "dataset.label_names",
                spec.Task is SequenceClassificationTaskSpec
                    ? "regression predicts one number per example and has no class names: remove 'label_names', or use problem_type single_label_classification"
                    : $"task '{Snake(spec.Task.Spelling)}' has no class names: remove 'label_names'");
        }

        // A known dataset that does not fit the task is reported once, as such (ValidateTask).
        var formats = FormatsFor(spec.Task.Kind);
        Check(
            d.Path is null || formats.Contains(d.Format),
            SchemaRules.MetricDoesNotFitTask,
            Written("dataset.format") ? "dataset.format" : "task",
            $"task '{Snake(spec.Task.Spelling)}' cannot read format '{Snake(d.Format)}'"
            + (Written("dataset.format") ? string.Empty : $" (from the extension of '{d.TrainFile}')")
            + $"; it reads {string.Join(", ", formats.Select(f => Snake(f)))}"
            + (spec.Task.Kind == TaskKind.TokenClassification ? " (a tag per token: CoNLL columns, or records with a list of tokens and of tags)" : string.Empty));
    }

    private void ValidateMetrics()
    {
        var fits = MetricsFor(spec.Task);
        for (var i = 0; i < spec.Metrics.Count; i++)
        {
            var metric = spec.Metrics[i];
            var path = $"metrics[{i}]";
            if (!fits.Contains(metric.Kind))
            {
                Report(SchemaRules.MetricDoesNotFitTask, path, $"metric '{Snake(metric.Kind)}' does not apply to {TaskDescription()}; use {string.Join(", ", fits.Select(m => Snake(m)))}");
                continue;
            }

            var averaged = metric.Kind is MetricKind.F1 or MetricKind.Precision or MetricKind.Recall;
            Argument(path, "average", averaged, metric.Kind);
            Argument(path, "pos_label", averaged, metric.Kind);
            Argument(path, "mode", metric.Kind == MetricKind.Seqeval, metric.Kind);
            Argument(path, "scheme", metric.Kind == MetricKind.Seqeval, metric.Kind);
            if (averaged && metric.Average == Averaging.Binary && spec.Task is SequenceClassificationTaskSpec { ProblemType: ProblemType.SingleLabelClassification } && spec.Dataset.LabelNames.Count != 2)
            {
                Report(SchemaRules.MetricDoesNotFitTask, path, $"metric '{Snake(metric.Kind)}' averages 'binary' by default, which needs exactly 2 labels, but the dataset has {Text(spec.Dataset.LabelNames.Count)}; write {{name: {Snake(metric.Kind)}, average: macro}} (or micro, weighted)");
            }

            if (averaged && metric.Average == Averaging.Binary && spec.Task is SequenceClassificationTaskSpec { ProblemType: ProblemType.MultiLabelClassification })
            {
                Report(SchemaRules.MetricDoesNotFitTask, path, $"multi-label '{Snake(metric.Kind)}' needs an average over the labels: write {{name: {Snake(metric.Kind)}, average: micro}} (or macro, weighted)");
            }

            if (metric.Kind == MetricKind.Seqeval && metric.Mode == SeqevalMode.Default && Written(path + ".scheme"))
            {
                Report(SchemaRules.ConflictingSettings, path + ".scheme", "'scheme' is read in seqeval's strict mode only: add 'mode: strict', or remove 'scheme'");
            }
        }
    }

    /// <summary>The formats each head can read its inputs from.</summary>
    private static DataFormat[] FormatsFor(TaskKind task) => task switch
    {
        TaskKind.TokenClassification => [DataFormat.Conll, DataFormat.Json, DataFormat.JsonLines, DataFormat.Parquet],
        TaskKind.QuestionAnswering => [DataFormat.Squad, DataFormat.Json, DataFormat.JsonLines, DataFormat.Parquet],
        TaskKind.MultipleChoice => [DataFormat.Json, DataFormat.JsonLines, DataFormat.Parquet],
        TaskKind.MaskedLm => [DataFormat.Text, DataFormat.Tsv, DataFormat.Csv, DataFormat.Json, DataFormat.JsonLines, DataFormat.Parquet],
        _ => [DataFormat.Tsv, DataFormat.Csv, DataFormat.Json, DataFormat.JsonLines, DataFormat.Parquet],
    };

    /// <summary>The metrics each head's predictions can be scored with.</summary>
    internal static MetricKind[] MetricsFor(TaskSpec task) => task switch
    {
        SequenceClassificationTaskSpec { ProblemType: ProblemType.Regression } => [MetricKind.Pearson, MetricKind.Spearmanr, MetricKind.Mse],
        SequenceClassificationTaskSpec { ProblemType: ProblemType.MultiLabelClassification } => [MetricKind.Accuracy, MetricKind.F1, MetricKind.Precision, MetricKind.Recall],
        SequenceClassificationTaskSpec => [MetricKind.Accuracy, MetricKind.F1, MetricKind.Precision, MetricKind.Recall, MetricKind.MatthewsCorrelation],
        TokenClassificationTaskSpec => [MetricKind.Seqeval],
        QuestionAnsweringTaskSpec => [MetricKind.Squad],
        MultipleChoiceTaskSpec => [MetricKind.Accuracy],
        MaskedLmTaskSpec => [MetricKind.Perplexity, MetricKind.Accuracy],
        _ => [],
    };

    private string TaskDescription() => spec.Task is SequenceClassificationTaskSpec sequence
        ? $"task '{Snake(spec.Task.Spelling)}' (problem_type {Snake(sequence.ProblemType)})"
        : $"task '{Snake(spec.Task.Spelling)}'";

    /// <summary>A compute argument written for a metric that does not take it.</summary>
    private void Argument(string path, string key, bool takes, MetricKind metric) =>
        Check(!Written($"{path}.{key}") || takes, SchemaRules.ConflictingSettings, $"{path}.{key}", $"metric '{Snake(metric)}' takes no '{key}'; 'average' and 'pos_label' are f1 / precision / recall arguments, 'mode' and 'scheme' seqeval's; remove it");

    private void ValidateTokenizer(TokenizerSpec t)
    {
        Check(
            t.MaxLength <= spec.Model.MaxPositionEmbeddings,
            SchemaRules.OutOfRange,
            Written("tokenizer.max_length") ? "tokenizer.max_length" : "model.max_position_embeddings",
            $"tokenizer.max_length ({Text(t.MaxLength)}) must not exceed model.max_position_embeddings ({Text(spec.Model.MaxPositionEmbeddings)})");
    }

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
