using ExperimentKit.Data;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tasks;
using ExperimentKit.Tests.Tokenization;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Tasks;

/// <summary>run_mlm's data path and metrics: texts grouped into blocks, perplexity from eval_loss, accuracy on masked tokens only.</summary>
public sealed class MaskedLanguageModelingTaskTests
{
    private static ExperimentSpec Spec(DatasetSpec dataset, int blockSize = 16) => TestSpecs.Experiment(
        new MaskedLmTaskSpec { BlockSize = blockSize },
        dataset,
        new TokenizerSpec { MaxLength = 128 },
        MetricSpec.Of(MetricKind.Perplexity),
        MetricSpec.Of(MetricKind.Accuracy));

    [Fact]
    public void A_text_file_becomes_blocks_of_its_lines_with_their_special_tokens_and_the_remainder_dropped()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("text"));
        File.WriteAllLines(folder.File("text", "train.txt"), ["the cat sat on the mat", "", "dogs bark"]);
        var spec = Spec(new DatasetSpec { Path = "text", Format = DataFormat.Text, TrainFile = "train.txt" }, blockSize: 4);

        var blocks = new MaskedLanguageModelingTask(spec).Encode(DatasetSplit.Train, new DataRoot([folder.Path]), Bert.Tokenizer);

        // [CLS] the cat sat on the mat [SEP] [CLS] [SEP] [CLS] dogs bark [SEP]: 14 tokens, 3 blocks of 4, 2 dropped.
        var expected = new[] { "the cat sat on the mat", "", "dogs bark" }.SelectMany(t => Bert.Tokenizer.EncodeIds(t).InputIds).ToArray();
        Assert.Equal(14, expected.Length);
        Assert.Equal(expected[..12], blocks.SelectMany(b => b.InputIds));
        Assert.All(blocks, b => Assert.Equal(4, b.Length));
    }

    [Fact]
    public void A_glue_pair_dataset_gives_both_sentences_of_every_row()
    {
        var spec = Spec(new DatasetSpec { Name = "glue/mrpc", TextA = "sentence1", TextB = "sentence2", MaxTrainSamples = 2 }, blockSize: 8);

        var blocks = new MaskedLanguageModelingTask(spec).Encode(DatasetSplit.Train, new DataRoot([TestData.Root]), Bert.Tokenizer);

        var texts = MaskedLmTexts.Read(spec.Dataset, DatasetSplit.Train, new DataRoot([TestData.Root])).ToArray();
        Assert.Equal(4, texts.Length);
        Assert.StartsWith("Amrozi accused his brother", texts[0], StringComparison.Ordinal);
        Assert.Equal(texts.Sum(t => Bert.Tokenizer.EncodeIds(t).InputIds.Length) / 8, blocks.Length);
    }

    [Fact]
    public void Perplexity_is_exp_of_the_eval_loss_and_accuracy_counts_masked_positions_only()
    {
        var predicted = new HostArray([5, 6, 7, 8], [1, 4], torch.ScalarType.Int64);
        var labels = new HostArray([-100, 6, 9, -100], [1, 4], torch.ScalarType.Int64);
        var spec = Spec(new DatasetSpec { Name = "glue/mrpc" });

        var result = new MaskedLanguageModelingTask(spec).ComputeMetrics(new EvalPrediction(predicted, labels) { Loss = 2.0 });

        Assert.Equal(Math.Exp(2.0), (double)result["perplexity"]!, precision: 12);
        Assert.Equal(0.5, (double)result["accuracy"]!);
    }

    [Fact]
    public void Logits_shrink_to_token_ids_before_they_are_gathered()
    {
        using var logits = torch.tensor(new float[] { 0, 3, 1, 2, 0, 0 }, [1, 2, 3]);

        using var ids = new MaskedLanguageModelingTask(Spec(new DatasetSpec { Name = "glue/mrpc" })).PreprocessLogits!(logits);

        Assert.Equal([1L, 0L], ids.data<long>().ToArray());
    }
}
