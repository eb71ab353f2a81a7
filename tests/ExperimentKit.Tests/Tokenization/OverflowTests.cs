using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>
/// Hand-worked return_overflowing_tokens windows (Rust Encoding.truncate with a stride, right side);
/// every letter is one token, so the letter at word w has offsets (2w, 2w + 1).
/// </summary>
public sealed class OverflowTests
{
    private const string Eight = "a b c d e f g h";

    [Fact]
    public void Single_text_overflows_into_windows_that_repeat_stride_tokens()
    {
        // Budget 6 - 2 = 4 tokens, stride 2: windows start every 2 tokens, [0, 4), [2, 6), [4, 8).
        var encoding = Bert.Tokenizer.Encode(Eight, options: Overflow(maxLength: 6, stride: 2));

        Assert.Equal(["[CLS] a b c d [SEP]", "[CLS] c d e f [SEP]", "[CLS] e f g h [SEP]"], Rows(encoding));
        var last = encoding.Overflowing[1];
        Assert.Equal([(0, 0), (8, 9), (10, 11), (12, 13), (14, 15), (0, 0)], last.Offsets);
        Assert.Equal([null, 4, 5, 6, 7, null], last.WordIds);
        Assert.Equal([null, 0, 0, 0, 0, null], last.SequenceIds);
        Assert.Equal([1, 0, 0, 0, 0, 1], last.SpecialTokensMask);
    }

    [Fact]
    public void Last_window_is_shorter_when_the_text_runs_out()
    {
        var encoding = Bert.Tokenizer.Encode("a b c d e f", options: Overflow(maxLength: 6, stride: 0));

        Assert.Equal(["[CLS] a b c d [SEP]", "[CLS] e f [SEP]"], Rows(encoding));
    }

    [Fact]
    public void Only_second_slides_over_the_second_text_and_repeats_the_first()
    {
        // The question-answering layout: budget 10 - 3 = 7, the question keeps its 2, the context gets 5 per window.
        var options = Overflow(maxLength: 10, stride: 2) with { Truncation = TruncationStrategy.OnlySecond };

        var encoding = Bert.Tokenizer.Encode("x y", Eight, options);

        Assert.Equal(
            ["[CLS] x y [SEP] a b c d e [SEP]", "[CLS] x y [SEP] d e f g h [SEP]"],
            Rows(encoding));
        var second = encoding.Overflowing[0];
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 1, 1], second.TokenTypeIds);
        Assert.Equal([(0, 0), (0, 1), (2, 3), (0, 0), (6, 7), (8, 9), (10, 11), (12, 13), (14, 15), (0, 0)], second.Offsets);
        Assert.Equal([null, 0, 1, null, 3, 4, 5, 6, 7, null], second.WordIds);
        Assert.Equal([null, 0, 0, null, 1, 1, 1, 1, 1, null], second.SequenceIds);
    }

    [Fact]
    public void Longest_first_pairs_every_window_of_each_side_in_rust_merge_order()
    {
        // Budget 7 - 3 = 4 splits 2 + 2. Windows a b | c d | e and x y | z w | v combine as Encoding.merge_with does:
        // each further first window with every second window, then the first kept window with the further second ones.
        var encoding = Bert.Tokenizer.Encode("a b c d e", "x y z w v", Overflow(maxLength: 7, stride: 0));

        Assert.Equal(
            [
                "[CLS] a b [SEP] x y [SEP]",
                "[CLS] c d [SEP] x y [SEP]", "[CLS] c d [SEP] z w [SEP]", "[CLS] c d [SEP] v [SEP]",
                "[CLS] e [SEP] x y [SEP]", "[CLS] e [SEP] z w [SEP]", "[CLS] e [SEP] v [SEP]",
                "[CLS] a b [SEP] z w [SEP]", "[CLS] a b [SEP] v [SEP]",
            ],
            Rows(encoding));
    }

    [Fact]
    public void Without_return_overflowing_tokens_nothing_overflows()
    {
        var encoding = Bert.Tokenizer.Encode(Eight, options: new EncodeOptions(MaxLength: 6, Stride: 2));

        Assert.Equal(["[CLS] a b c d [SEP]"], Rows(encoding));
    }

    [Fact]
    public void Batch_rows_map_back_to_their_samples()
    {
        var batch = Bert.Tokenizer.EncodeBatchWithOverflow([Eight, "x y"], options: Overflow(maxLength: 6, stride: 2));

        Assert.Equal(
            ["[CLS] a b c d [SEP]", "[CLS] c d e f [SEP]", "[CLS] e f g h [SEP]", "[CLS] x y [SEP]"],
            batch.Rows.Select(Tokens));
        Assert.Equal([0, 0, 0, 1], batch.OverflowToSampleMapping);
        Assert.All(batch.Rows, row => Assert.Empty(row.Overflowing));
    }

    [Fact]
    public void Stride_must_be_shorter_than_the_window()
    {
        var error = Assert.Throws<ArgumentException>(() => Bert.Tokenizer.Encode(Eight, options: Overflow(maxLength: 6, stride: 4)));

        Assert.Contains("stride 4", error.Message, StringComparison.Ordinal);
    }

    private static EncodeOptions Overflow(int maxLength, int stride) =>
        new(MaxLength: maxLength, Stride: stride, ReturnOverflowingTokens: true);

    private static string[] Rows(Encoding encoding) => [Tokens(encoding), .. encoding.Overflowing.Select(Tokens)];

    private static string Tokens(Encoding encoding) => string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(encoding.InputIds));
}
