using ExperimentKit.Data;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tests.Tokenization;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Tasks;

/// <summary>run_ner's compute_metrics and data path: positions labelled -100 never count, tags map through label names.</summary>
public sealed class TokenClassificationTaskTests
{
    private static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"];

    private static ExperimentSpec Spec(IReadOnlyList<string>? tags = null, bool labelAllTokens = false) => TestSpecs.Experiment(
        new TokenClassificationTaskSpec { LabelAllTokens = labelAllTokens },
        new DatasetSpec { Name = "conll2003", Format = DataFormat.Conll, TagColumn = 3, TrainFile = "train.txt", ValidationFile = "valid.txt", LabelNames = new EquatableArray<string>(tags ?? Tags), MaxTrainSamples = 3 },
        new TokenizerSpec { MaxLength = 32 },
        MetricSpec.Of(MetricKind.Seqeval));

    [Fact]
    public void Metrics_skip_positions_labelled_minus_100_including_nested_concat_padding()
    {
        // Two sentences padded to 4 positions; logits one-hot on the predicted tag, padding rows all -100.
        float[] Row(int tag) => [.. Enumerable.Range(0, Tags.Length).Select(t => t == tag ? 1f : 0f)];
        float[] padding = [.. Enumerable.Repeat(-100f, Tags.Length)];
        var logits = new HostArray([.. Row(0), .. Row(1), .. Row(2), .. Row(0), .. Row(0), .. Row(3), .. padding, .. padding], [2, 4, Tags.Length], torch.ScalarType.Float32);
        var labels = new HostArray([-100, 1, 2, -100, -100, 1, -100, -100], [2, 4], torch.ScalarType.Int64);

        var result = new TokenClassificationTask(Spec()).ComputeMetrics(new EvalPrediction(logits, labels));

        // Sentence 1: B-PER I-PER right. Sentence 2: gold B-PER, predicted B-LOC. PER: 1 of 2 found; LOC: 1 predicted, wrong.
        Assert.Equal(0.5, (double)result["overall_precision"]!);
        Assert.Equal(0.5, (double)result["overall_recall"]!);
        Assert.Equal(2 / 3.0, (double)result["overall_accuracy"]!, precision: 12);
        Assert.Equal(2, (int)result["PER"]!["number"]!);
        Assert.Equal(0, (int)result["LOC"]!["number"]!);
    }

    [Theory]
    [InlineData(false, new[] { -100f, 3, 0, 7, 0, 0, 0, 7, 0, 0, -100 })]
    [InlineData(true, new[] { -100f, 3, 0, 7, 0, 0, 0, 7, 0, 0, -100 })]
    public void Conll_sentences_become_labels_per_sub_token(bool labelAllTokens, float[] expected)
    {
        var spec = Spec(KnownConll, labelAllTokens);

        var first = new TokenClassificationTask(spec).Encode(DatasetSplit.Train, new DataRoot([TestData.Root]), Bert.Tokenizer)[0];

        // "EU rejects German call to boycott British lamb ." is B-ORG O B-MISC O O O B-MISC O O, every word one
        // bert-base-uncased piece, so both modes agree here; [CLS] and [SEP] carry -100.
        Assert.Equal(expected, first.Labels);
        Assert.Equal(first.InputIds.Length, first.Labels.Length);
    }

    [Fact]
    public void Records_with_token_and_tag_lists_read_like_conll_columns()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("ner"));
        File.WriteAllLines(folder.File("ner", "train.jsonl"),
        [
            """{"tokens": ["EU", "rejects", "German", "call"], "ner_tags": [3, 0, 7, 0]}""",
            """{"tokens": ["Peter", "Blackburn"], "ner_tags": ["B-PER", "I-PER"]}""",
        ]);
        var spec = Spec(KnownConll) with { Dataset = new DatasetSpec { Path = "ner", Format = DataFormat.JsonLines, TrainFile = "train.jsonl", Label = "ner_tags", LabelNames = new EquatableArray<string>(KnownConll) } };

        var examples = new TokenClassificationTask(spec).Encode(DatasetSplit.Train, new DataRoot([folder.Path]), Bert.Tokenizer);

        Assert.Equal([-100f, 3, 0, 7, 0, -100], examples[0].Labels);
        Assert.Equal([-100f, 1, 2, -100], examples[1].Labels);
    }

    [Fact]
    public void A_record_with_fewer_tags_than_tokens_names_its_line_and_column()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("ner"));
        File.WriteAllLines(folder.File("ner", "train.jsonl"), ["""{"tokens": ["EU", "rejects"], "ner_tags": [3]}"""]);
        var spec = Spec(KnownConll) with { Dataset = new DatasetSpec { Path = "ner", Format = DataFormat.JsonLines, TrainFile = "train.jsonl", Label = "ner_tags", LabelNames = new EquatableArray<string>(KnownConll) } };

        var error = Assert.Throws<DataFormatException>(() => new TokenClassificationTask(spec).Encode(DatasetSplit.Train, new DataRoot([folder.Path]), Bert.Tokenizer));

        Assert.Equal((1, "ner_tags"), (error.Line, error.ColumnName));
        Assert.Contains("1 tags for 2 tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_all_tokens_puts_the_inside_label_on_later_pieces()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("train.txt"), "Kalashnikovs NNP B-NP B-PER\nsaid VBD B-VP O\n");
        var pieces = Bert.Tokenizer.Tokenize("Kalashnikovs").Count;
        EncodedExample Encode(bool all) => new TokenClassificationTask(Spec(KnownConll, all) is var spec
            ? spec with { Dataset = spec.Dataset with { Name = null, Path = folder.Path } }
            : spec).Encode(DatasetSplit.Train, new DataRoot([folder.Path]), Bert.Tokenizer)[0];

        // B-PER (1) on the first piece; the later pieces get -100, or I-PER (2) with label_all_tokens, as run_ner does.
        Assert.True(pieces > 1);
        Assert.Equal([-100f, 1, .. Enumerable.Repeat(-100f, pieces - 1), 0, -100], Encode(false).Labels);
        Assert.Equal([-100f, 1, .. Enumerable.Repeat(2f, pieces - 1), 0, -100], Encode(true).Labels);
    }

    private static readonly string[] KnownConll = [.. ExperimentKit.Schema.KnownDatasets.Conll2003.LabelNames];
}
