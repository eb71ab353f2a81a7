using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

public class ParserValidFileTests
{
    [Fact]
    public void Mrpc_file_parses_without_findings()
    {
        var result = ExperimentSpecParser.Parse("experiments/mrpc.yaml", Yaml.Mrpc);

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Spec);
    }

    [Fact]
    public void Mrpc_file_values_are_read()
    {
        var spec = ExperimentSpecParser.Parse("experiments/mrpc.yaml", Yaml.Mrpc).Spec!;

        var model = Assert.IsType<BertSpec>(spec.Model);
        Assert.Equal("mrpc", spec.Name);
        Assert.Equal(128, model.HiddenSize);
        Assert.Equal(2, model.NumHiddenLayers);
        Assert.Equal(2, model.NumAttentionHeads);
        Assert.Equal(512, model.IntermediateSize);
        Assert.Equal(128, model.MaxPositionEmbeddings);
        Assert.Equal(TaskKind.SequenceClassification, spec.Task.Kind);
        Assert.Equal(128, spec.Tokenizer.MaxLength);
        Assert.Equal(PaddingStrategy.Longest, spec.Collator.Padding);
        Assert.Equal([MetricSpec.Of(MetricKind.Accuracy), MetricSpec.Of(MetricKind.F1)], spec.Metrics);
        Assert.Equal("runs/mrpc", spec.Training.OutputDir);
        Assert.Equal(32, spec.Training.PerDeviceTrainBatchSize);
        Assert.Equal(64, spec.Training.PerDeviceEvalBatchSize);
        Assert.Equal(1.0e-4, spec.Training.LearningRate);
        Assert.Equal(0.1, spec.Training.WarmupRatio);
        Assert.Equal(20, spec.Training.LoggingSteps);
        Assert.Equal(IntervalStrategy.Epoch, spec.Training.EvalStrategy);
    }

    [Fact]
    public void Known_dataset_fills_unwritten_dataset_keys()
    {
        var dataset = ExperimentSpecParser.Parse("experiments/mrpc.yaml", Yaml.Mrpc).Spec!.Dataset;

        Assert.Equal("glue/mrpc", dataset.Name);
        Assert.Null(dataset.Path);
        Assert.Equal("train.tsv", dataset.TrainFile);
        Assert.Equal("dev.tsv", dataset.ValidationFile);
        Assert.Equal("sentence1", dataset.TextA);
        Assert.Equal("sentence2", dataset.TextB);
        Assert.Equal("label", dataset.Label);
        Assert.Equal(["not_equivalent", "equivalent"], dataset.LabelNames);
    }

    [Fact]
    public void Known_dataset_without_second_text_has_no_text_b()
    {
        var spec = ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal.Replace("glue/mrpc", "glue/sst-2")).Spec!;

        Assert.Equal("sentence", spec.Dataset.TextA);
        Assert.Null(spec.Dataset.TextB);
        Assert.Equal(["negative", "positive"], spec.Dataset.LabelNames);
    }

    [Fact]
    public void Locations_name_every_written_key_path_at_its_value()
    {
        var map = ExperimentSpecParser.Parse("experiments/mrpc.yaml", Yaml.Mrpc).Spec!.Locations;

        Assert.Equal("experiments/mrpc.yaml", map.FilePath);
        Assert.Equal(new SourceLocation(2, 7), map.Find("name"));
        Assert.Equal(new SourceLocation(4, 3), map.Find("model"));
        Assert.Equal(new SourceLocation(4, 16), map.Find("model.hidden_size"));
        Assert.Equal(new SourceLocation(9, 7), map.Find("task"));
        Assert.Equal(new SourceLocation(18, 21), map.Find("metrics[1]"));
        Assert.Equal(new SourceLocation(24, 18), map.Find("training.learning_rate"));
        Assert.Contains("training.eval_strategy", map.Paths);
        Assert.DoesNotContain("training.weight_decay", map.Paths);
    }

    [Fact]
    public void Unwritten_key_is_found_at_its_section()
    {
        var map = ExperimentSpecParser.Parse("experiments/mrpc.yaml", Yaml.Mrpc).Spec!.Locations;

        Assert.Equal(map.Find("training"), map.Find("training.weight_decay"));
    }

    [Fact]
    public void Defaults_are_hugging_face_defaults()
    {
        var spec = ExperimentSpecParser.Parse("experiments/minimal.yaml", Yaml.Minimal).Spec!;

        var model = Assert.IsType<BertSpec>(spec.Model);
        Assert.Equal("minimal", spec.Name);
        Assert.Equal(768, model.HiddenSize);
        Assert.Equal(12, model.NumHiddenLayers);
        Assert.Equal(12, model.NumAttentionHeads);
        Assert.Equal(3072, model.IntermediateSize);
        Assert.Equal(30522, model.VocabSize);
        Assert.Equal(5e-5, spec.Training.LearningRate);
        Assert.Equal(8, spec.Training.PerDeviceTrainBatchSize);
        Assert.Equal(8, spec.Training.PerDeviceEvalBatchSize);
        Assert.Equal(3.0, spec.Training.NumTrainEpochs);
        Assert.Equal(0.0, spec.Training.WarmupRatio);
        Assert.Equal(0, spec.Training.WarmupSteps);
        Assert.Equal(0.0, spec.Training.WeightDecay);
        Assert.Equal(42, spec.Training.Seed);
        Assert.Equal(500, spec.Training.LoggingSteps);
        Assert.False(spec.Training.GroupByLength);
        Assert.Null(spec.Training.EvalAccumulationSteps);
        Assert.Empty(spec.Metrics);
    }

    [Fact]
    public void Group_by_length_and_eval_accumulation_steps_are_read()
    {
        var yaml = Yaml.Minimal.Replace("training: {}", "training: {group_by_length: true, eval_accumulation_steps: 4}", StringComparison.Ordinal);

        var training = ExperimentSpecParser.Parse("e.yaml", yaml).Spec!.Training;

        Assert.True(training.GroupByLength);
        Assert.Equal(4, training.EvalAccumulationSteps);
    }

    [Theory]
    [InlineData("task: {type: sequence_classification}")]
    [InlineData("task:\n  type: sequence_classification")]
    public void Task_mapping_form_is_accepted(string task)
    {
        var result = ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal.Replace("task: sequence_classification", task));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(TaskKind.SequenceClassification, result.Spec!.Task.Kind);
    }

    [Theory]
    [InlineData("true", TruncationStrategy.LongestFirst)]
    [InlineData("false", TruncationStrategy.DoNotTruncate)]
    [InlineData("only_second", TruncationStrategy.OnlySecond)]
    public void Truncation_accepts_strategy_names_and_booleans(string written, TruncationStrategy expected)
    {
        var spec = ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal + $"tokenizer: {{truncation: {written}}}\n").Spec!;

        Assert.Equal(expected, spec.Tokenizer.Truncation);
    }

    [Fact]
    public void Dataset_path_with_labels_reads_tsv_settings()
    {
        var yaml = Yaml.Minimal.Replace("  name: glue/mrpc", "  path: my/data\n  train_file: t.tsv\n  text_a: q\n  text_b: null\n  label_names: [no, yes]");

        var result = ExperimentSpecParser.Parse("e.yaml", yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("my/data", result.Spec!.Dataset.Path);
        Assert.Null(result.Spec.Dataset.TextB);
        Assert.Equal(["no", "yes"], result.Spec.Dataset.LabelNames);
    }

    [Fact]
    public void Equal_files_give_equal_results()
    {
        Assert.Equal(ExperimentSpecParser.Parse("e.yaml", Yaml.Mrpc), ExperimentSpecParser.Parse("e.yaml", Yaml.Mrpc));
    }
}
