using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;

namespace ExperimentKit.Tasks;

/// <summary>
/// One prediction per text or pair (run_glue.py): single-label classification (class ids, cross-entropy), regression
/// (a score, MSE) or multi-label classification (a multi-hot row, BCE with logits), as problem_type says.
/// </summary>
public sealed class SequenceClassificationTask : IExperimentTask, IPredictionScorer
{
    private readonly ExperimentSpec spec;
    private readonly ProblemType problem;
    private readonly ILabelCollation labels;

    public SequenceClassificationTask(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec;
        problem = ((SequenceClassificationTaskSpec)spec.Task).ProblemType;
        labels = problem switch
        {
            ProblemType.Regression => LabelCollations.Scores,
            ProblemType.MultiLabelClassification => LabelCollations.MultiHot(spec.Dataset.LabelNames.Count),
            _ => LabelCollations.ClassIds,
        };
    }

    public IDataCollator CreateCollator(BertTokenizer tokenizer) => DataCollatorWithPadding.For(spec, labels);

    /// <summary>Scores alike on every split: the labels are all the metrics need.</summary>
    public IPredictionScorer ScorerFor(DatasetSplit split, DataRoot root) => this;

    public EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer) =>
        TextClassificationEncoder.Encode(TextClassificationReader.Read(spec.Dataset, problem, split, root), tokenizer, spec.Tokenizer);

    public PretrainedConfig Configure(PretrainedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var labelled = spec.Dataset.LabelNames.Count > 0 ? config.WithLabelNamesCore(spec.Dataset.LabelNames) : config.WithLabelNamesCore(["LABEL_0"]);
        return labelled with { ProblemType = SnakeCase.From(problem.ToString()) };
    }

    public JsonObject ComputeMetrics(EvalPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var score = problem switch
        {
            ProblemType.Regression => RegressionScorer(prediction),
            ProblemType.MultiLabelClassification => metric => MultiLabelScores.Compute(metric, prediction),
            _ => SingleLabelScorer(prediction),
        };
        var result = new JsonObject();
        foreach (var metric in spec.Metrics)
        {
            result[MetricResultKeys.Name(metric.Kind)] = score(metric);
        }

        return result;
    }

    /// <summary>Scores of the arg-max classes; predictions and references are decoded once for all metrics.</summary>
    private static Func<MetricSpec, double> SingleLabelScorer(EvalPrediction prediction)
    {
        var predicted = ArgMax.OfRows(prediction.Predictions);
        var references = prediction.LabelIds.Data.Select(v => (int)v).ToArray();
        return metric => metric.Kind switch
        {
            MetricKind.Accuracy => ClassificationScores.Accuracy(predicted, references),
            MetricKind.F1 => ClassificationScores.F1(predicted, references, metric.Average, metric.PosLabel),
            MetricKind.Precision => ClassificationScores.Precision(predicted, references, metric.Average, metric.PosLabel),
            MetricKind.Recall => ClassificationScores.Recall(predicted, references, metric.Average, metric.PosLabel),
            _ => ClassificationScores.MatthewsCorrelation(predicted, references),
        };
    }

    /// <summary>Scores of the single output per example, which is the predicted value.</summary>
    private static Func<MetricSpec, double> RegressionScorer(EvalPrediction prediction)
    {
        var predicted = prediction.Predictions.Data.Select(v => (double)v).ToArray();
        var references = prediction.LabelIds.Data.Select(v => (double)v).ToArray();
        return metric => metric.Kind switch
        {
            MetricKind.Pearson => RegressionScores.Pearson(predicted, references),
            MetricKind.Spearmanr => RegressionScores.SpearmanR(predicted, references),
            _ => RegressionScores.MeanSquaredError(predicted, references),
        };
    }
}
