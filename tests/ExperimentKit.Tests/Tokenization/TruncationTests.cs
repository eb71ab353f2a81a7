using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>Hand-worked truncation cases; "a b c d e" tokenizes to one id per letter.</summary>
public sealed class TruncationTests
{
    private const string Five = "a b c d e";
    private const string Three = "x y z";

    [Fact]
    public void Longest_first_cuts_only_the_longer_side_while_the_shorter_fits()
    {
        // 5 + 3 tokens, budget 9 - 3 = 6: the first (longer) keeps 3, the second all 3.
        Assert.Equal("[CLS] a b c [SEP] x y z [SEP]", Tokens(Five, Three, 9, TruncationStrategy.LongestFirst));
    }

    [Fact]
    public void Longest_first_splits_the_budget_when_both_are_too_long()
    {
        // Budget 8 - 3 = 5 and the shorter side (3) is over half: halves 2 and 3, the odd token to the longer side.
        Assert.Equal("[CLS] a b c [SEP] x y [SEP]", Tokens(Five, Three, 8, TruncationStrategy.LongestFirst));
        Assert.Equal("[CLS] x y [SEP] a b c [SEP]", Tokens(Three, Five, 8, TruncationStrategy.LongestFirst));
    }

    [Fact]
    public void Longest_first_gives_the_odd_token_to_the_second_on_a_tie()
    {
        // Rust tokenizers (BertTokenizerFast): 5 + 5 into 7 keeps 3 and 4.
        Assert.Equal("[CLS] a b c [SEP] a b c d [SEP]", Tokens(Five, Five, 10, TruncationStrategy.LongestFirst));
    }

    [Theory]
    [InlineData(4, 4, 7, 3, 4)]
    [InlineData(8, 4, 7, 4, 3)]
    [InlineData(2, 8, 7, 2, 5)]
    [InlineData(8, 2, 7, 5, 2)]
    [InlineData(8, 8, 7, 3, 4)]
    [InlineData(0, 8, 7, 0, 7)]
    public void Longest_first_matches_the_rust_unit_test_table(int n1, int n2, int max, int keep1, int keep2)
    {
        Assert.Equal((keep1, keep2), PairTruncation.LongestFirst(n1, n2, max));
    }

    [Fact]
    public void Single_sequence_is_cut_to_the_budget()
    {
        Assert.Equal("[CLS] a b [SEP]", Tokens(Five, null, 4, TruncationStrategy.LongestFirst));
        Assert.Equal("[CLS] a b [SEP]", Tokens(Five, null, 4, TruncationStrategy.OnlyFirst));
    }

    [Fact]
    public void Only_first_and_only_second_cut_one_side()
    {
        Assert.Equal("[CLS] a b [SEP] x y z [SEP]", Tokens(Five, Three, 8, TruncationStrategy.OnlyFirst));
        Assert.Equal("[CLS] x y z [SEP] a b [SEP]", Tokens(Three, Five, 8, TruncationStrategy.OnlySecond));
    }

    [Fact]
    public void Only_strategies_fail_when_the_chosen_side_is_too_short()
    {
        Assert.Throws<ArgumentException>(() => Tokens(Three, Five, 7, TruncationStrategy.OnlyFirst));
        Assert.Throws<ArgumentException>(() => Tokens(Five, null, 4, TruncationStrategy.OnlySecond));
    }

    [Fact]
    public void Do_not_truncate_leaves_it_long()
    {
        Assert.Equal("[CLS] a b c d e [SEP] x y z [SEP]", Tokens(Five, Three, 4, TruncationStrategy.DoNotTruncate));
    }

    [Fact]
    public void Max_length_counts_special_tokens_only_when_they_are_added()
    {
        var options = new EncodeOptions(AddSpecialTokens: false, MaxLength: 4);

        Assert.Equal("a b c d", string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(Bert.Tokenizer.Encode(Five, options: options).InputIds)));
    }

    [Fact]
    public void Default_limit_is_the_model_maximum()
    {
        string text = string.Join(' ', Enumerable.Repeat("word", 600));

        Assert.Equal(512, Bert.Tokenizer.Encode(text).Length);
        Assert.Equal(512, Bert.Tokenizer.Encode(text, text).Length);
    }

    [Fact]
    public void Truncation_keeps_offsets_and_word_ids_of_the_kept_tokens()
    {
        var encoding = Bert.Tokenizer.Encode(Five, Three, new EncodeOptions(MaxLength: 8));

        Assert.Equal([null, 0, 1, 2, null, 0, 1, null], encoding.WordIds);
        Assert.Equal([(0, 0), (0, 1), (2, 3), (4, 5), (0, 0), (0, 1), (2, 3), (0, 0)], encoding.Offsets);
        Assert.Equal([null, 0, 0, 0, null, 1, 1, null], encoding.SequenceIds);
    }

    private static string Tokens(string first, string? second, int maxLength, TruncationStrategy strategy)
    {
        var encoding = Bert.Tokenizer.Encode(first, second, new EncodeOptions(MaxLength: maxLength, Truncation: strategy));
        return string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(encoding.InputIds));
    }
}
