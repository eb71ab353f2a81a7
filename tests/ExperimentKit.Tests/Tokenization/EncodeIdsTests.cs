using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>The ids-only API: Encode's ids and token types (parity is checked in HfParityTests), into any buffer.</summary>
public sealed class EncodeIdsTests
{
    [Fact]
    public void Writes_the_ids_and_token_types_of_a_truncated_pair_into_the_buffers()
    {
        var options = new EncodeOptions(MaxLength: 9);
        Span<int> ids = stackalloc int[16];
        Span<int> types = stackalloc int[16];

        int length = Bert.Tokenizer.EncodeIds("I've been waiting for a course", "my whole life.", options, ids, types);

        var expected = Bert.Tokenizer.Encode("I've been waiting for a course", "my whole life.", options);
        Assert.Equal(expected.InputIds, ids[..length].ToArray());
        Assert.Equal(expected.TokenTypeIds, types[..length].ToArray());
    }

    [Fact]
    public void A_buffer_too_short_is_an_error_not_a_partial_write()
    {
        var ex = Assert.Throws<ArgumentException>(() => Bert.Tokenizer.EncodeIds("a few words here", null, null, new int[3], new int[3]));

        Assert.Contains("the encoding has 6", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, PaddingStrategy.DoNotPad)]
    [InlineData(false, PaddingStrategy.MaxLength)]
    public void Padding_and_overflow_windows_are_for_Encode(bool overflow, PaddingStrategy padding)
    {
        var options = new EncodeOptions(MaxLength: 8, ReturnOverflowingTokens: overflow, Padding: padding);

        Assert.Throws<ArgumentException>(() => Bert.Tokenizer.EncodeIds("text", options: options));
    }
}
