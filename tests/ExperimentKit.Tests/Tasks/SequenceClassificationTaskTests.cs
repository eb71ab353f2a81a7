using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Tasks;

/// <summary>The sequence-classification task by problem_type: what config.json records and how predictions are scored.</summary>
public sealed class SequenceClassificationTaskTests
{
    private static ExperimentSpec Spec(ProblemType problem, string[] labels, params MetricSpec[] metrics) => TestSpecs.Experiment(
        new SequenceClassificationTaskSpec { ProblemType = problem },
        new DatasetSpec { Name = "glue/sts-b", LabelNames = new EquatableArray<string>(labels) },
        metrics: metrics);

    [Fact]
    public void Regression_records_problem_type_and_one_label_as_transformers_saves_it()
    {
        var config = new SequenceClassificationTask(Spec(ProblemType.Regression, [])).Configure(new BertConfig());

        Assert.Equal("regression", config.ProblemType);
        Assert.Equal("LABEL_0", Assert.Single(config.Id2Label).Value);
    }

    [Fact]
    public void Regression_scores_the_single_output_against_float_labels()
    {
        var spec = Spec(ProblemType.Regression, [], MetricSpec.Of(MetricKind.Pearson), MetricSpec.Of(MetricKind.Spearmanr), MetricSpec.Of(MetricKind.Mse));
        var prediction = new EvalPrediction(
            new HostArray([1f, 2, 3, 5], [4, 1], torch.ScalarType.Float32),
            new HostArray([1.5f, 2.5f, 3.5f, 4.5f], [4], torch.ScalarType.Float32));

        var result = new SequenceClassificationTask(spec).ComputeMetrics(prediction);

        Assert.Equal(1.0, (double)result["spearmanr"]!, precision: 12);
        Assert.Equal((0.25 + 0.25 + 0.25 + 0.25) / 4, (double)result["mse"]!, precision: 12);
        Assert.True((double)result["pearson"]! is > 0.95 and < 1);
    }

    [Fact]
    public void Multi_class_f1_averages_as_asked()
    {
        var spec = Spec(ProblemType.SingleLabelClassification, ["a", "b", "c"], new MetricSpec { Kind = MetricKind.F1, Average = Averaging.Macro });
        // scikit-learn's example: y_true [0 1 2 0 1 2], y_pred [0 2 1 0 0 1] → macro F1 0.2667.
        float[] OneHot(int label) => [.. Enumerable.Range(0, 3).Select(c => c == label ? 1f : 0f)];
        var logits = new HostArray([.. new[] { 0, 2, 1, 0, 0, 1 }.SelectMany(OneHot)], [6, 3], torch.ScalarType.Float32);
        var labels = new HostArray([0, 1, 2, 0, 1, 2], [6], torch.ScalarType.Int64);

        var result = new SequenceClassificationTask(spec).ComputeMetrics(new EvalPrediction(logits, labels));

        Assert.Equal(0.26666666666666666, (double)result["f1"]!, precision: 12);
    }

    [Fact]
    public void Multi_label_accuracy_is_subset_accuracy_and_micro_f1_pools_every_decision()
    {
        var spec = Spec(ProblemType.MultiLabelClassification, ["a", "b"], MetricSpec.Of(MetricKind.Accuracy), new MetricSpec { Kind = MetricKind.F1, Average = Averaging.Micro });
        // Logits above 0 predict a label: rows [1,0] (right), [1,1] (one wrong).
        var logits = new HostArray([2f, -1, 3, 0.5f], [2, 2], torch.ScalarType.Float32);
        var labels = new HostArray([1f, 0, 1, 0], [2, 2], torch.ScalarType.Float32);

        var result = new SequenceClassificationTask(spec).ComputeMetrics(new EvalPrediction(logits, labels));

        Assert.Equal(0.5, (double)result["accuracy"]!);
        Assert.Equal(2 * 2 / (2.0 * 2 + 1 + 0), (double)result["f1"]!, precision: 12);
    }
}
