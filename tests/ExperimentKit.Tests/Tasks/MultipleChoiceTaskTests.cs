using ExperimentKit.Data;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tests.Tokenization;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Tasks;

/// <summary>run_swag's data path on ARC-Easy and CommonsenseQA: every choice kept, answers found in each row's own labels.</summary>
public sealed class MultipleChoiceTaskTests
{
    private static ExperimentSpec Spec(KnownDataset known, RowRange? validationRows = null, string? path = null) => TestSpecs.Experiment(
        new MultipleChoiceTaskSpec(),
        new DatasetSpec
        {
            Name = path is null ? known.Name : null,
            Path = path,
            Format = known.Format,
            TrainFile = path is null ? null : "train.jsonl",
            Label = known.Label,
            ValidationRows = validationRows ?? known.ValidationRows,
            TrainRows = known.TrainRows,
        },
        new TokenizerSpec { MaxLength = 128 },
        MetricSpec.Of(MetricKind.Accuracy));

    [Fact]
    public void Arc_easy_validation_keeps_every_question_with_its_3_to_5_choices()
    {
        var examples = new MultipleChoiceTask(Spec(KnownDatasets.ArcEasy)).Encode(DatasetSplit.Validation, new DataRoot([TestData.Root]), Bert.Tokenizer);

        // SOURCES.md: 570 questions, 567 with 4 choices, 2 with 5, 1 with 3.
        Assert.Equal(570, examples.Length);
        Assert.Equal([(3, 1), (4, 567), (5, 2)], examples.GroupBy(e => e.ChoiceLengths!.Length).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key));
        Assert.All(examples, e => Assert.Equal(e.Length, e.ChoiceLengths!.Sum()));
        Assert.All(examples, e => Assert.InRange((int)e.Labels[0], 0, e.ChoiceLengths!.Length - 1));
    }

    [Fact]
    public void Each_choice_is_the_question_paired_with_that_choice()
    {
        var first = new MultipleChoiceTask(Spec(KnownDatasets.CommonsenseQa)).Encode(DatasetSplit.Train, new DataRoot([TestData.Root]), Bert.Tokenizer)[0];

        // The first CommonsenseQA question; its answer is A, "bank".
        var question = "A revolving door is convenient for two direction travel, but it also serves as a security measure at a what?";
        var bank = Bert.Tokenizer.EncodeIds(question, "bank");
        Assert.Equal(bank.InputIds, first.InputIds[..first.ChoiceLengths![0]]);
        Assert.Equal(bank.TokenTypeIds, first.TokenTypeIds[..first.ChoiceLengths[0]]);
        Assert.Equal([0f], first.Labels);
    }

    [Fact]
    public void Commonsense_qa_train_and_validation_rows_do_not_overlap()
    {
        var task = new MultipleChoiceTask(Spec(KnownDatasets.CommonsenseQa));
        var root = new DataRoot([TestData.Root]);

        Assert.Equal(1000, task.Encode(DatasetSplit.Train, root, Bert.Tokenizer).Length);
        Assert.Equal(221, task.Encode(DatasetSplit.Validation, root, Bert.Tokenizer).Length);
    }

    [Fact]
    public void An_answer_that_is_none_of_the_rows_labels_names_the_file_line_and_column()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("mc"));
        File.WriteAllLines(folder.File("mc", "train.jsonl"),
        [
            """{"question": "q1", "choices": {"text": ["a", "b"], "label": ["A", "B"]}, "answerKey": "B"}""",
            """{"question": "q2", "choices": {"text": ["a", "b", "c"], "label": ["1", "2", "3"]}, "answerKey": "D"}""",
        ]);

        var error = Assert.Throws<DataFormatException>(() =>
            new MultipleChoiceTask(Spec(KnownDatasets.CommonsenseQa with { TrainRows = null }, path: "mc")).Encode(DatasetSplit.Train, new DataRoot([folder.Path]), Bert.Tokenizer));

        Assert.Equal(folder.File("mc", "train.jsonl"), error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("answerKey", error.ColumnName);
        Assert.Contains("answer 'D' is not one of this question's choice labels (1, 2, 3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_is_over_the_arg_max_choice_where_padding_choices_hold_the_lowest_score()
    {
        var logits = new HostArray([0.1f, 0.9f, float.MinValue, 0.7f, 0.2f, 0.1f], [2, 3], torch.ScalarType.Float32);
        var labels = new HostArray([1, 2], [2], torch.ScalarType.Int64);

        var result = new MultipleChoiceTask(Spec(KnownDatasets.ArcEasy)).ComputeMetrics(new EvalPrediction(logits, labels));

        Assert.Equal(0.5, (double)result["accuracy"]!);
    }
}
