namespace ExperimentKit.Schema.Tests;

/// <summary>Each rule on a small broken file, with the exact place and message the build log would show.</summary>
public class ParserDiagnosticTests
{
    private static string[] Findings(string yaml)
    {
        var result = ExperimentSpecParser.Parse("e.yaml", yaml);
        if (result.Diagnostics.Count > 0)
        {
            Assert.Null(result.Spec);
        }

        return [.. result.Diagnostics.Select(d => d.Format("e.yaml"))];
    }

    private static string Minimal(string replace, string with) => Yaml.Minimal.Replace(replace, with);

    [Fact]
    public void Format_is_msbuild_canonical()
    {
        var diagnostic = new SchemaDiagnostic("EK0102", DiagnosticSeverityKind.Error, "message", new(12, 5));

        Assert.Equal("experiments/x.yaml(12,5): error EK0102: message", diagnostic.Format("experiments/x.yaml"));
    }

    [Fact]
    public void EK0001_yaml_syntax_error_at_the_parser_mark()
    {
        Assert.Equal(
            ["e.yaml(3,2): error EK0001: While parsing a block mapping, did not find expected key; fix the YAML here: a ':' after each key, indentation by spaces, closed quotes and brackets"],
            Findings("model:\n  hidden_size: 1\n nope\n"));
    }

    [Fact]
    public void EK0001_second_document()
    {
        Assert.Equal(
            ["e.yaml(6,1): error EK0001: an experiment file holds one YAML document; remove the second '---' and what follows"],
            Findings(Yaml.Minimal + "---\nname: x\n"));
    }

    [Fact]
    public void EK0101_unknown_key_suggests_the_closest()
    {
        Assert.Equal(
            ["e.yaml(1,9): error EK0101: unknown key 'hiden_size' in 'model'; did you mean 'hidden_size'?"],
            Findings(Minimal("model: {}", "model: {hiden_size: 128}")));
    }

    [Fact]
    public void EK0101_unknown_key_lists_valid_keys_when_none_is_close()
    {
        Assert.Equal(
            ["e.yaml(6,1): error EK0101: unknown key 'optimizer' in the experiment; valid: name, model, task, dataset, tokenizer, collator, metrics, training, sweep"],
            Findings(Yaml.Minimal + "optimizer: adamw\n"));
    }

    [Fact]
    public void EK0102_wrong_value_type()
    {
        Assert.Equal(
            ["e.yaml(1,22): error EK0102: 'hidden_size' must be an integer, got 'abc'"],
            Findings(Minimal("model: {}", "model: {hidden_size: abc}")));
    }

    [Fact]
    public void EK0102_bad_enum_value_lists_valid_values()
    {
        Assert.Equal(
            ["e.yaml(2,7): error EK0102: 'task' must be one of sequence_classification, regression, token_classification, question_answering, masked_lm, multiple_choice, got 'sequence_clasification'; did you mean 'sequence_classification'?"],
            Findings(Minimal("task: sequence_classification", "task: sequence_clasification")));
    }

    [Fact]
    public void EK0102_classifier_pooling_is_cls_or_mean()
    {
        Assert.Equal(
            ["e.yaml(1,29): error EK0102: 'classifier_pooling' must be one of cls, mean, got 'max'; did you mean 'mean'?"],
            Findings(Minimal("model: {}", "model: {classifier_pooling: max}")));
    }

    [Fact]
    public void EK0102_unknown_dataset_suggests_the_closest()
    {
        Assert.Equal(
            ["e.yaml(4,9): error EK0102: unknown dataset 'glue/mrcp'; did you mean 'glue/mrpc'? (or give 'path:' to a folder of TSV files)"],
            Findings(Minimal("glue/mrpc", "glue/mrcp")));
    }

    [Fact]
    public void EK0103_empty_file()
    {
        Assert.Equal(
            ["e.yaml(1,1): error EK0103: the experiment file is empty; it needs the sections model, task, dataset and training"],
            Findings("# nothing yet\n"));
    }

    [Fact]
    public void EK0103_missing_section()
    {
        Assert.Equal(
            ["e.yaml(1,1): error EK0103: missing required section 'task' (the head on the encoder, e.g. 'task: sequence_classification'); add it"],
            Findings(Minimal("task: sequence_classification\n", string.Empty)));
    }

    [Fact]
    public void EK0103_label_names_required_with_path()
    {
        Assert.Equal(
            ["e.yaml(4,3): error EK0103: 'dataset.label_names' is required with 'dataset.path' for sequence_classification: list the class names in label-id order"],
            Findings(Minimal("  name: glue/mrpc", "  path: my/data\n  train_file: t.tsv")));
    }

    [Fact]
    public void EK0104_duplicate_key()
    {
        Assert.Equal(
            ["e.yaml(2,22): error EK0104: duplicate key 'hidden_size' in 'model'; it is already set on line 2, keep one of them"],
            Findings(Minimal("model: {}", "model:\n  {hidden_size: 128, hidden_size: 256}")));
    }

    [Fact]
    public void EK0201_hidden_size_not_divisible_by_heads()
    {
        Assert.Equal(
            ["e.yaml(1,48): error EK0201: hidden_size (128) must be a multiple of num_attention_heads (3): each head gets hidden_size / num_attention_heads dimensions"],
            Findings(Minimal("model: {}", "model: {hidden_size: 128, num_attention_heads: 3}")));
    }

    [Fact]
    public void EK0202_f1_needs_exactly_two_labels()
    {
        Assert.Equal(
            ["e.yaml(7,21): error EK0202: metric 'f1' averages 'binary' by default, which needs exactly 2 labels, but the dataset has 3; write {name: f1, average: macro} (or micro, weighted)"],
            Findings(Minimal("  name: glue/mrpc", "  name: glue/mrpc\n  label_names: [a, b, c]") + "metrics: [accuracy, f1]\n"));
    }

    [Fact]
    public void EK0202_classification_metric_on_regression()
    {
        Assert.Equal(
            ["e.yaml(6,11): error EK0202: metric 'f1' does not apply to task 'regression' (problem_type regression); use pearson, spearmanr, mse"],
            Findings(Minimal("task: sequence_classification", "task: regression").Replace("glue/mrpc", "glue/sts-b") + "metrics: [f1]\n"));
    }

    [Fact]
    public void EK0203_warmup_ratio_and_steps()
    {
        Assert.Equal(
            ["e.yaml(5,45): error EK0203: set either 'warmup_ratio' (0.1) or 'warmup_steps' (10), not both"],
            Findings(Minimal("training: {}", "training: {warmup_ratio: 0.1, warmup_steps: 10}")));
    }

    [Fact]
    public void EK0203_dataset_name_and_path()
    {
        Assert.Equal(
            ["e.yaml(5,9): error EK0203: 'dataset.name' and 'dataset.path' are mutually exclusive: name a known dataset or give the folder of your TSV files, not both"],
            Findings(Minimal("  name: glue/mrpc", "  name: glue/mrpc\n  path: my/data")));
    }

    [Fact]
    public void EK0203_eval_strategy_steps_needs_steps()
    {
        Assert.Equal(
            ["e.yaml(5,27): error EK0203: eval_strategy 'steps' needs 'eval_steps' (or 'logging_steps', which it falls back to); set one of them"],
            Findings(Minimal("training: {}", "training: {eval_strategy: steps}")));
    }

    [Fact]
    public void EK0204_head_not_built_for_the_model_type()
    {
        Assert.Equal(
            ["e.yaml(2,7): error EK0204: task 'masked_lm' is built for model_type 'bert' only (BertForMaskedLM); model_type 'distilbert' has no masked-LM head here; use model_type 'bert' for masked_lm"],
            Findings(Minimal("task: sequence_classification", "task: masked_lm").Replace("model: {}", "model: {model_type: distilbert}")));
    }

    [Theory]
    [InlineData("training: {learning_rate: 0}", "e.yaml(5,27): error EK0205: 'learning_rate' must be greater than 0, got 0")]
    [InlineData("training: {eval_accumulation_steps: 0}", "e.yaml(5,37): error EK0205: 'eval_accumulation_steps' must be a positive integer, got 0")]
    [InlineData("training: {warmup_ratio: 1.5}", "e.yaml(5,26): error EK0205: 'warmup_ratio' must be in [0, 1], got 1.5")]
    [InlineData("model: {hidden_dropout_prob: 1}", "e.yaml(1,30): error EK0205: 'hidden_dropout_prob' must be in [0, 1), got 1")]
    [InlineData("model: {num_hidden_layers: 0}", "e.yaml(1,28): error EK0205: 'num_hidden_layers' must be a positive integer, got 0")]
    public void EK0205_range_checks(string section, string expected)
    {
        var key = section.Substring(0, section.IndexOf(':', StringComparison.Ordinal));
        Assert.Equal([expected], Findings(Minimal(key + ": {}", section)));
    }

    [Fact]
    public void Findings_are_in_file_order_and_all_reported_in_one_pass()
    {
        Assert.Equal(
            [
                "e.yaml(1,9): error EK0101: unknown key 'hiden_size' in 'model'; did you mean 'hidden_size'?",
                "e.yaml(5,27): error EK0102: 'learning_rate' must be a number, got 'fast'",
            ],
            Findings(Minimal("model: {}", "model: {hiden_size: 1}").Replace("training: {}", "training: {learning_rate: fast}")));
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a: [}")]
    [InlineData("- 1\n- 2\n")]
    [InlineData("model: *nope\n")]
    [InlineData("? [a]\n: b\n")]
    [InlineData("\t\tmodel:\n")]
    [InlineData("model: !!binary x\n")]
    [InlineData("model: &a {x: *a}\n")]
    public void Malformed_input_gives_findings_not_exceptions(string yaml)
    {
        var result = ExperimentSpecParser.Parse("e.yaml", yaml);

        Assert.Null(result.Spec);
        Assert.NotEmpty(result.Diagnostics);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == SchemaRules.InternalError.Id);
    }
}
