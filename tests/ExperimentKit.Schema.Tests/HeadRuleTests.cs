using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>Question answering, multiple choice and masked LM in the schema: options, defaults, formats, datasets and metrics.</summary>
public class HeadRuleTests
{
    private const string Squad = """
        model: {}
        task: question_answering
        dataset:
          name: squad
        metrics: [squad]
        training: {}

        """;

    private const string Arc = """
        model: {}
        task: multiple_choice
        dataset:
          name: arc-easy
        metrics: [accuracy]
        training: {}

        """;

    private const string Mlm = """
        model: {}
        task: masked_lm
        dataset:
          name: glue/mrpc
        metrics: [perplexity]
        training: {}

        """;

    private static string[] Findings(string yaml) => Parsed.Findings(yaml);

    private static ExperimentSpec Parse(string yaml) => Parsed.Spec(yaml);

    [Fact]
    public void Squad_trains_on_part_a_and_evaluates_on_part_b_with_run_qa_defaults()
    {
        var spec = Parse(Squad);

        var qa = Assert.IsType<QuestionAnsweringTaskSpec>(spec.Task);
        Assert.Equal((128, 20, 30), (qa.DocStride, qa.NBestSize, qa.MaxAnswerLength));
        Assert.Equal(384, spec.Tokenizer.MaxLength);
        Assert.Equal(DataFormat.Squad, spec.Dataset.Format);
        Assert.Equal(("dev-v1.1.part_a.json", "dev-v1.1.part_b.json"), (spec.Dataset.TrainFile, spec.Dataset.ValidationFile));
        Assert.Null(spec.Task.LabelCount(spec.Dataset));
        Assert.Empty(spec.Dataset.LabelNames);
    }

    [Fact]
    public void Question_answering_options_are_read()
    {
        var spec = Parse(Squad.Replace("task: question_answering", "task: {type: question_answering, doc_stride: 64, n_best_size: 5, max_answer_length: 10}"));

        Assert.Equal(new QuestionAnsweringTaskSpec { DocStride = 64, NBestSize = 5, MaxAnswerLength = 10 }, spec.Task);
    }

    [Fact]
    public void A_doc_stride_that_leaves_no_room_is_out_of_range()
    {
        Assert.Equal(
            ["e.yaml(2,46): error EK0205: 'doc_stride' must be at least 0 and under half of tokenizer.max_length (384), so each window moves on past the question; got 200"],
            Findings(Squad.Replace("task: question_answering", "task: {type: question_answering, doc_stride: 200}")));
    }

    [Fact]
    public void An_option_of_another_head_is_named_as_such()
    {
        var finding = Assert.Single(Findings(Mlm.Replace("task: masked_lm", "task: {type: masked_lm, doc_stride: 64}")));

        Assert.StartsWith("e.yaml(2,25): error EK0101: unknown key 'doc_stride' in 'task' is an option of task 'question_answering', not of 'masked_lm'; valid: ", finding);
        Assert.Contains("mlm_probability", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Arc_easy_is_multiple_choice_with_answer_key_labels()
    {
        var spec = Parse(Arc);

        Assert.IsType<MultipleChoiceTaskSpec>(spec.Task);
        Assert.Equal(DataFormat.Json, spec.Dataset.Format);
        Assert.Equal(("question", "choices", "answerKey"), (spec.Dataset.Question, spec.Dataset.Choices, spec.Dataset.Label));
        Assert.Equal("test.json", spec.Dataset.TestFile);
    }

    [Fact]
    public void Commonsense_qa_splits_its_one_file_by_rows()
    {
        var spec = Parse(Arc.Replace("arc-easy", "commonsense-qa"));

        Assert.Equal(DataFormat.JsonLines, spec.Dataset.Format);
        Assert.Equal(new RowRange(null, 1000), spec.Dataset.TrainRows);
        Assert.Equal(new RowRange(1000, null), spec.Dataset.ValidationRows);
    }

    [Theory]
    [InlineData("'[:1000]'", null, 1000)]
    [InlineData("'1000:'", 1000, null)]
    [InlineData("'[100:200]'", 100, 200)]
    public void Row_ranges_are_python_slices(string written, int? start, int? end)
    {
        var spec = Parse(Arc.Replace("  name: arc-easy", $"  name: arc-easy\n  train_rows: {written}"));

        Assert.Equal(new RowRange(start, end), spec.Dataset.TrainRows);
    }

    [Fact]
    public void A_row_range_that_is_no_slice_is_reported()
    {
        Assert.Equal(
            ["e.yaml(5,15): error EK0102: 'train_rows' must be a row range such as '[:1000]', '1000:' or '100:200' (0-based, end exclusive), got '20:10'"],
            Findings(Arc.Replace("  name: arc-easy", "  name: arc-easy\n  train_rows: '20:10'")));
    }

    [Fact]
    public void Masked_lm_reads_the_text_of_a_classification_dataset_without_its_class_names()
    {
        var spec = Parse(Mlm.Replace("task: masked_lm", "task: {type: masked_lm, mlm_probability: 0.2, whole_word_mask: true, block_size: 128}"));

        Assert.Equal(new MaskedLmTaskSpec { MlmProbability = 0.2, WholeWordMask = true, BlockSize = 128 }, spec.Task);
        Assert.Empty(spec.Dataset.LabelNames);
    }

    [Theory]
    [InlineData("mlm_probability: 1.5", "e.yaml(2,42): error EK0205: 'mlm_probability' must be between 0 and 1 (exclusive), got 1.5")]
    [InlineData("block_size: 1024", "e.yaml(2,37): error EK0205: 'block_size' (1024) is longer than the model's max_position_embeddings (512); lower block_size or raise max_position_embeddings")]
    public void Masked_lm_options_are_range_checked(string option, string expected)
    {
        Assert.Equal([expected], Findings(Mlm.Replace("task: masked_lm", $"task: {{type: masked_lm, {option}}}")));
    }

    [Theory]
    [InlineData("train.csv", DataFormat.Csv)]
    [InlineData("train.jsonl", DataFormat.JsonLines)]
    [InlineData("train.json", DataFormat.Json)]
    [InlineData("train.parquet", DataFormat.Parquet)]
    [InlineData("train.tsv", DataFormat.Tsv)]
    public void A_path_dataset_format_follows_the_train_file_extension(string trainFile, DataFormat format)
    {
        var spec = Parse(Yaml.Minimal.Replace("  name: glue/mrpc", $"  path: mine\n  train_file: {trainFile}\n  label_names: [no, yes]"));

        Assert.Equal(format, spec.Dataset.Format);
    }

    [Fact]
    public void A_json_file_for_question_answering_is_read_as_squad()
    {
        var spec = Parse(Squad.Replace("  name: squad", "  path: mine\n  train_file: train.json"));

        Assert.Equal(DataFormat.Squad, spec.Dataset.Format);
    }

    [Fact]
    public void Multiple_choice_cannot_read_tsv()
    {
        Assert.Equal(
            ["e.yaml(2,7): error EK0202: task 'multiple_choice' cannot read format 'tsv' (from the extension of 'train.tsv'); it reads json, json_lines, parquet"],
            Findings(Arc.Replace("  name: arc-easy", "  path: mine\n  train_file: train.tsv")));
    }

    [Theory]
    [InlineData(Squad, "accuracy", "e.yaml(5,11): error EK0202: metric 'accuracy' does not apply to task 'question_answering'; use squad")]
    [InlineData(Arc, "squad", "e.yaml(5,11): error EK0202: metric 'squad' does not apply to task 'multiple_choice'; use accuracy")]
    [InlineData(Mlm, "f1", "e.yaml(5,11): error EK0202: metric 'f1' does not apply to task 'masked_lm'; use perplexity, accuracy")]
    public void Each_head_takes_its_own_metrics(string yaml, string metric, string expected)
    {
        var written = yaml.Contains("[squad]") ? "[squad]" : yaml.Contains("[accuracy]") ? "[accuracy]" : "[perplexity]";

        Assert.Equal([expected], Findings(yaml.Replace(written, $"[{metric}]")));
    }

    [Fact]
    public void A_multiple_choice_dataset_does_not_fit_sequence_classification()
    {
        Assert.Equal(
            ["e.yaml(2,7): error EK0202: task 'sequence_classification' does not fit dataset 'arc-easy', which is a multiple_choice dataset; use task 'multiple_choice' or another dataset"],
            Findings(Arc.Replace("task: multiple_choice", "task: sequence_classification")));
    }
}
