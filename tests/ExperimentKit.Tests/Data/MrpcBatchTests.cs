using ExperimentKit.Data;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.Tokenization;

namespace ExperimentKit.Tests.Data;

/// <summary>REFERENCE.md §3: the first eight MRPC training pairs, tokenized and dynamically padded.</summary>
public sealed class MrpcBatchTests
{
    [Fact]
    public void The_first_eight_training_pairs_make_an_8_by_67_batch()
    {
        var spec = new DatasetSpec { Name = "glue/mrpc", TextA = "sentence1", TextB = "sentence2", MaxTrainSamples = 8, LabelNames = new EquatableArray<string>(["not_equivalent", "equivalent"]) };
        var examples = TextClassificationReader.Read(spec, ProblemType.SingleLabelClassification, DatasetSplit.Train, new DataRoot([TestData.Root]));

        var encoded = TextClassificationEncoder.Encode(examples, Bert.Tokenizer, new TokenizerSpec());
        var batch = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 512, LabelCollations.ClassIds).Collate(encoded);

        Assert.Equal([50, 59, 47, 67, 59, 50, 62, 32], encoded.Select(e => e.Length));
        Assert.Equal([8L, 67L], batch.InputIds.shape);
        Assert.Equal([8L, 67L], batch.TokenTypeIds!.shape);
        Assert.Equal([8L, 67L], batch.AttentionMask.shape);
        Assert.Equal([8L], batch.Labels.shape);
        Assert.Equal(encoded.Sum(e => e.Length), batch.AttentionMask.sum().item<long>());
    }
}
