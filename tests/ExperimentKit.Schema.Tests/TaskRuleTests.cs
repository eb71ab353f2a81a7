using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>The task seam in the schema: each head's options, the datasets and metrics that fit it, and their findings.</summary>
public class TaskRuleTests
{
    private const string Conll = """
        model: {}
        task: token_classification
        dataset:
          name: conll2003
        metrics: [seqeval]
        training: {}

        """;

    private static string[] Findings(string yaml) => Parsed.Findings(yaml);

    private static ExperimentSpec Parse(string yaml) => Parsed.Spec(yaml);

    [Fact]
    public void Conll2003_is_a_known_token_classification_dataset()
    {
        var spec = Parse(Conll);

        Assert.IsType<TokenClassificationTaskSpec>(spec.Task);
        Assert.Equal(DataFormat.Conll, spec.Dataset.Format);
        Assert.Equal(3, spec.Dataset.TagColumn);
        Assert.Equal("test.txt", spec.Dataset.TestFile);
        Assert.Equal(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"], spec.Dataset.LabelNames);
        Assert.Equal(9, spec.Task.LabelCount(spec.Dataset));
    }

    [Fact]
    public void Sts_b_defaults_to_regression_with_one_output()
    {
        var spec = Parse(Yaml.Minimal.Replace("glue/mrpc", "glue/sts-b") + "metrics: [pearson, spearmanr]\n");

        var task = Assert.IsType<SequenceClassificationTaskSpec>(spec.Task);
        Assert.Equal(ProblemType.Regression, task.ProblemType);
        Assert.Equal(TaskKind.Regression, task.Spelling);
        Assert.Equal(1, task.LabelCount(spec.Dataset));
    }

    [Fact]
    public void Head_options_are_read_in_the_mapping_form()
    {
        var spec = Parse(Conll.Replace("task: token_classification", "task: {type: token_classification, label_all_tokens: true, num_labels: 9}"));

        var task = Assert.IsType<TokenClassificationTaskSpec>(spec.Task);
        Assert.True(task.LabelAllTokens);
        Assert.Equal(9, task.NumLabels);
    }

    [Fact]
    public void Metric_arguments_are_read_and_pos_label_may_be_a_class_name()
    {
        var spec = Parse(Yaml.Minimal + "metrics: [{name: f1, average: binary, pos_label: not_equivalent}, {name: precision, average: macro}]\n");

        Assert.Equal(new MetricSpec { Kind = MetricKind.F1, PosLabel = 0 }, spec.Metrics[0]);
        Assert.Equal(new MetricSpec { Kind = MetricKind.Precision, Average = Averaging.Macro }, spec.Metrics[1]);
    }

    [Theory]
    [InlineData(
        "task: {type: sequence_classification, label_all_tokens: true}",
        "e.yaml(2,39): error EK0101: unknown key 'label_all_tokens' in 'task' is an option of task 'token_classification', not of 'sequence_classification'; valid: type, problem_type, num_labels")]
    [InlineData(
        "task: token_classification",
        "e.yaml(2,7): error EK0202: task 'token_classification' does not fit dataset 'glue/mrpc', which is a sequence_classification dataset with no tag column; token_classification needs a CoNLL dataset (conll2003, or 'path:' with 'format: conll')")]
    [InlineData(
        "task: {type: sequence_classification, num_labels: 3}",
        "e.yaml(2,51): error EK0203: num_labels is 3, but the dataset's label_names list 2 classes (not_equivalent, equivalent); make them agree or remove num_labels")]
    public void Wrong_head_settings_are_build_errors_at_their_place(string task, string expected) =>
        Assert.Equal([expected], Findings(Yaml.Minimal.Replace("task: sequence_classification", task)));

    [Theory]
    [InlineData("metrics: [seqeval]", "e.yaml(6,11): error EK0202: metric 'seqeval' does not apply to task 'sequence_classification' (problem_type single_label_classification); use accuracy, f1, precision, recall, matthews_correlation")]
    [InlineData("metrics: [{name: accuracy, average: macro}]", "e.yaml(6,37): error EK0203: metric 'accuracy' takes no 'average'; 'average' and 'pos_label' are f1 / precision / recall arguments, 'mode' and 'scheme' seqeval's; remove it")]
    [InlineData("metrics: [{name: f1, pos_label: maybe}]", "e.yaml(6,33): error EK0205: 'pos_label' must be a label id 0..1 or one of not_equivalent, equivalent, got 'maybe'")]
    [InlineData("metrics: [{name: f1, average: most}]", "e.yaml(6,31): error EK0102: 'average' must be one of binary, macro, micro, weighted, got 'most'")]
    public void Metrics_that_cannot_apply_are_build_errors(string metrics, string expected) =>
        Assert.Equal([expected], Findings(Yaml.Minimal + metrics + "\n"));

    [Fact]
    public void Accuracy_on_token_classification_names_seqeval()
    {
        Assert.Equal(
            ["e.yaml(5,11): error EK0202: metric 'accuracy' does not apply to task 'token_classification'; use seqeval"],
            Findings(Conll.Replace("metrics: [seqeval]", "metrics: [accuracy]")));
    }

    [Fact]
    public void A_token_classification_path_dataset_needs_conll_format()
    {
        Assert.Equal(
            ["e.yaml(5,11): error EK0202: task 'token_classification' cannot read format 'tsv'; it reads conll, json, json_lines, parquet (a tag per token: CoNLL columns, or records with a list of tokens and of tags)"],
            Findings(Conll.Replace("  name: conll2003", "  path: ner\n  format: tsv\n  train_file: train.txt\n  label_names: [O, B-X, I-X]")));
    }

    [Fact]
    public void Label_smoothing_is_for_class_labels_only()
    {
        Assert.Equal(
            ["e.yaml(5,36): error EK0203: 'label_smoothing_factor' smooths class labels (classification, tokens, choices, masked tokens); it does not apply to this head, remove it"],
            Findings(Yaml.Minimal.Replace("glue/mrpc", "glue/sts-b").Replace("training: {}", "training: {label_smoothing_factor: 0.1}")));
    }

    [Fact]
    public void A_single_text_path_dataset_reads_one_text_column_by_default()
    {
        var spec = Parse(Yaml.Minimal.Replace("  name: glue/mrpc", "  path: reviews\n  train_file: train.tsv\n  label_names: [bad, good]"));

        Assert.Equal("sentence", spec.Dataset.TextA);
        Assert.Null(spec.Dataset.TextB);
    }
}
