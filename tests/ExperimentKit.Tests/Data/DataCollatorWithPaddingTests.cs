using ExperimentKit.Data;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Data;

public sealed class DataCollatorWithPaddingTests
{
    private static readonly EncodedExample Short = EncodedExample.WithClass([101, 7, 102], [0, 0, 0], 1);
    private static readonly EncodedExample Long = EncodedExample.WithClass([101, 7, 102, 8, 9, 102], [0, 0, 0, 1, 1, 1], 0);

    [Fact]
    public void Pads_to_the_longest_sequence_on_the_right()
    {
        var batch = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 512, LabelCollations.ClassIds).Collate([Short, Long]);

        Assert.Equal([2L, 6L], batch.InputIds.shape);
        Assert.Equal([101L, 7, 102, 0, 0, 0, 101, 7, 102, 8, 9, 102], batch.InputIds.data<long>().ToArray());
        Assert.Equal([1L, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1], batch.AttentionMask.data<long>().ToArray());
        Assert.Equal([0L, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1], batch.TokenTypeIds!.data<long>().ToArray());
        Assert.Equal([1L, 0], batch.Labels.data<long>().ToArray());
    }

    [Fact]
    public void Pad_to_multiple_of_rounds_the_length_up()
    {
        var batch = new DataCollatorWithPadding(new CollatorSpec { PadToMultipleOf = 8 }, 0, 512, LabelCollations.ClassIds).Collate([Short, Long]);

        Assert.Equal([2L, 8L], batch.InputIds.shape);
    }

    [Fact]
    public void Max_length_padding_pads_every_batch_to_max_length()
    {
        var batch = new DataCollatorWithPadding(new CollatorSpec { Padding = PaddingStrategy.MaxLength }, 0, 16, LabelCollations.ClassIds).Collate([Short]);

        Assert.Equal([1L, 16L], batch.InputIds.shape);
    }

    [Fact]
    public void Token_type_ids_are_left_out_when_the_collator_does_not_return_them()
    {
        var batch = new DataCollatorWithPadding(new CollatorSpec { ReturnTokenTypeIds = false }, 0, 512, LabelCollations.ClassIds).Collate([Short]);

        Assert.Null(batch.TokenTypeIds);
    }
}
