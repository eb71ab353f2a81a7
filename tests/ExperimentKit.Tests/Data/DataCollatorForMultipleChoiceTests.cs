using ExperimentKit.Data;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Data;

public sealed class DataCollatorForMultipleChoiceTests
{
    private const int Pad = 0;

    // Three questions as ARC-Easy has them: 3, 4 and 5 choices, each choice "[CLS] question [SEP] answer [SEP]".
    private static readonly EncodedExample ThreeChoices = Question(answer: 2, [101, 5, 102, 6, 102], [101, 5, 102, 7, 102], [101, 5, 102, 8, 9, 102]);
    private static readonly EncodedExample FourChoices = Question(answer: 0, [101, 10, 102, 11, 102], [101, 10, 102, 12, 102], [101, 10, 102, 13, 102], [101, 10, 102, 14, 102]);
    private static readonly EncodedExample FiveChoices = Question(
        answer: 4, [101, 20, 102, 21, 102], [101, 20, 102, 22, 102], [101, 20, 102, 23, 102], [101, 20, 102, 24, 102], [101, 20, 21, 102, 25, 26, 27, 102]);

    [Fact]
    public void Examples_with_3_4_and_5_choices_make_one_batch_of_5_choices_padded_to_the_longest_choice()
    {
        var batch = Collator(new CollatorSpec()).Collate([ThreeChoices, FourChoices, FiveChoices]);

        Assert.Equal([3L, 5L, 8L], batch.InputIds.shape);
        Assert.Equal([3L, 5L, 8L], batch.AttentionMask.shape);
        Assert.Equal([3L, 5L, 8L], batch.TokenTypeIds!.shape);
        Assert.Equal([2L, 0, 4], batch.Labels.data<long>().ToArray());
        Assert.Equal([101L, 5, 102, 8, 9, 102, Pad, Pad], Row(batch.InputIds, 0, 2));
        Assert.Equal([1L, 1, 1, 1, 1, 1, 0, 0], Row(batch.AttentionMask, 0, 2));
        Assert.Equal([0L, 0, 0, 1, 1, 1, 0, 0], Row(batch.TokenTypeIds!, 0, 2));
        Assert.Equal([101L, 20, 21, 102, 25, 26, 27, 102], Row(batch.InputIds, 2, 4));
        Assert.Equal([101L, 10, 102, 14, 102, Pad, Pad, Pad], Row(batch.InputIds, 1, 3));
    }

    [Fact]
    public void A_choice_an_example_lacks_is_a_row_of_padding_with_no_attention()
    {
        var batch = Collator(new CollatorSpec()).Collate([ThreeChoices, FourChoices, FiveChoices]);

        foreach (var (example, choice) in new[] { (0, 3), (0, 4), (1, 4) })
        {
            Assert.All(Row(batch.InputIds, example, choice), id => Assert.Equal(Pad, id));
            Assert.All(Row(batch.AttentionMask, example, choice), mask => Assert.Equal(0, mask));
            Assert.All(Row(batch.TokenTypeIds!, example, choice), type => Assert.Equal(0, type));
        }

        Assert.Equal(3 + 4 + 5, Enumerable.Range(0, 3).Sum(e => Enumerable.Range(0, 5).Count(c => Row(batch.AttentionMask, e, c).Any(m => m == 1))));
    }

    [Fact]
    public void Pad_to_multiple_of_and_max_length_pad_the_choices_as_DataCollatorWithPadding_pads_sequences()
    {
        var rounded = Collator(new CollatorSpec { PadToMultipleOf = 16 }).Collate([ThreeChoices, FourChoices]);
        var fixedLength = Collator(new CollatorSpec { Padding = PaddingStrategy.MaxLength }, maxLength: 32).Collate([FourChoices]);

        Assert.Equal([2L, 4L, 16L], rounded.InputIds.shape);
        Assert.Equal([1L, 4L, 32L], fixedLength.InputIds.shape);
    }

    [Fact]
    public void Token_type_ids_are_left_out_when_the_collator_does_not_return_them()
    {
        var batch = Collator(new CollatorSpec { ReturnTokenTypeIds = false }).Collate([ThreeChoices]);

        Assert.Null(batch.TokenTypeIds);
    }

    private static DataCollatorForMultipleChoice Collator(CollatorSpec spec, int maxLength = 512) => new(spec, Pad, maxLength);

    private static long[] Row(TorchSharp.torch.Tensor tensor, int example, int choice) => tensor[example, choice].data<long>().ToArray();

    private static EncodedExample Question(int answer, params int[][] choices) =>
        EncodedExample.WithClass(
            [.. choices.SelectMany(c => c)],
            [.. choices.SelectMany(c => c.Select((_, i) => i < Array.IndexOf(c, 102) + 1 ? 0 : 1))],
            answer) with
        {
            ChoiceLengths = [.. choices.Select(c => c.Length)],
        };
}
