using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>Hand-worked padding: "a" is id 1037, [CLS] 101, [SEP] 102, [PAD] 0.</summary>
public sealed class PaddingTests
{
    [Fact]
    public void Longest_pads_every_row_to_the_longest_of_the_batch_on_the_right()
    {
        var batch = Bert.Tokenizer.EncodeBatch(["a b c", "a"], options: new EncodeOptions(Padding: PaddingStrategy.Longest));

        var padded = batch[1];
        Assert.Equal(5, batch[0].Length);
        Assert.Equal([101, 1037, 102, 0, 0], padded.InputIds);
        Assert.Equal([1, 1, 1, 0, 0], padded.AttentionMask);
        Assert.Equal([0, 0, 0, 0, 0], padded.TokenTypeIds);
        Assert.Equal([1, 0, 1, 1, 1], padded.SpecialTokensMask);
        Assert.Equal([(0, 0), (0, 1), (0, 0), (0, 0), (0, 0)], padded.Offsets);
        Assert.Equal([null, 0, null, null, null], padded.WordIds);
        Assert.Equal([null, 0, null, null, null], padded.SequenceIds);
    }

    [Fact]
    public void Left_padding_puts_the_pads_first()
    {
        var options = new EncodeOptions(Padding: PaddingStrategy.Longest, PaddingSide: PaddingSide.Left);

        var padded = Bert.Tokenizer.EncodeBatch(["a b c", "a"], options: options)[1];

        Assert.Equal([0, 0, 101, 1037, 102], padded.InputIds);
        Assert.Equal([0, 0, 1, 1, 1], padded.AttentionMask);
        Assert.Equal([1, 1, 1, 0, 1], padded.SpecialTokensMask);
        Assert.Equal([(0, 0), (0, 0), (0, 0), (0, 1), (0, 0)], padded.Offsets);
        Assert.Equal([null, null, null, 0, null], padded.WordIds);
    }

    [Fact]
    public void Max_length_pads_a_pair_with_token_type_zero()
    {
        var padded = Bert.Tokenizer.Encode("a", "a", new EncodeOptions(MaxLength: 7, Padding: PaddingStrategy.MaxLength));

        Assert.Equal([101, 1037, 102, 1037, 102, 0, 0], padded.InputIds);
        Assert.Equal([0, 0, 0, 1, 1, 0, 0], padded.TokenTypeIds);
        Assert.Equal([null, 0, null, 1, null, null, null], padded.SequenceIds);
    }

    [Fact]
    public void Max_length_without_a_limit_pads_to_the_model_maximum()
    {
        Assert.Equal(512, Bert.Tokenizer.Encode("a", options: new EncodeOptions(Padding: PaddingStrategy.MaxLength)).Length);
    }

    [Theory]
    [InlineData(PaddingStrategy.Longest, 4, 8)]
    [InlineData(PaddingStrategy.Longest, 5, 5)]
    [InlineData(PaddingStrategy.MaxLength, 4, 12)]
    [InlineData(PaddingStrategy.DoNotPad, 4, 5)]
    public void Pad_to_multiple_of_rounds_the_padded_length_up(PaddingStrategy padding, int multiple, int expected)
    {
        // "a b c" is 5 tokens; max_length 10 rounds up to 12 under a multiple of 4.
        var options = new EncodeOptions(MaxLength: 10, Padding: padding, PadToMultipleOf: multiple);

        Assert.Equal(expected, Bert.Tokenizer.Encode("a b c", options: options).Length);
    }

    [Fact]
    public void Overflowing_windows_are_padded_too()
    {
        var options = new EncodeOptions(MaxLength: 6, ReturnOverflowingTokens: true, Padding: PaddingStrategy.Longest);

        var encoding = Bert.Tokenizer.Encode("a b c d e f", options: options);

        Assert.Equal([101, 1041, 1042, 102, 0, 0], Assert.Single(encoding.Overflowing).InputIds);
    }
}
