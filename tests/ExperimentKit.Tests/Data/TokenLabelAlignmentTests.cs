using ExperimentKit.Data;
using ExperimentKit.Tests.Tokenization;

namespace ExperimentKit.Tests.Data;

/// <summary>run_ner.py's tokenize_and_align_labels: a word's label on its first token, -100 elsewhere (or I- labels).</summary>
public sealed class TokenLabelAlignmentTests
{
    private const int X = TokenLabelAlignment.Ignored;

    // MISC has no I- label here, to show a B- label without a counterpart.
    private static readonly string[] Labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-MISC"];

    private static readonly int[] BeginToInside = TokenLabelAlignment.BeginToInside(Labels);

    [Fact]
    public void B_labels_map_to_their_I_counterpart_and_every_other_label_to_itself()
    {
        Assert.Equal([0, 2, 2, 4, 4, 5], BeginToInside);
    }

    [Fact]
    public void Only_the_first_token_of_each_word_is_labelled_by_default()
    {
        int?[] wordIds = [null, 0, 1, 1, 1, 2, 3, 3, null];
        int[] tags = [1, 2, 0, 3];

        Assert.Equal([X, 1, 2, X, X, 0, 3, X, X], TokenLabelAlignment.Align(wordIds, tags, labelAllTokens: false, BeginToInside));
    }

    [Fact]
    public void With_label_all_tokens_later_tokens_get_the_I_label_of_their_word()
    {
        int?[] wordIds = [null, 0, 0, 1, 1, 2, 2, 3, 3, null];
        int[] tags = [1, 2, 5, 0];

        Assert.Equal([X, 1, 2, 2, 2, 5, 5, 0, 0, X], TokenLabelAlignment.Align(wordIds, tags, labelAllTokens: true, BeginToInside));
    }

    [Fact]
    public void Words_that_truncation_cut_off_have_no_label()
    {
        // Four words, but max_length kept only word 0 and the first piece of word 1.
        int?[] wordIds = [null, 0, 1, null];
        int[] tags = [3, 4, 4, 0];

        Assert.Equal([X, 3, 4, X], TokenLabelAlignment.Align(wordIds, tags, labelAllTokens: false, BeginToInside));
    }

    [Fact]
    public void The_labels_follow_the_word_ids_of_a_real_encoding()
    {
        var encoded = Bert.Tokenizer.EncodeWords(["Peter", "huggingface", "in", "U.S."]);
        int[] tags = [1, 0, 0, 3];

        // [CLS] peter hugging ##face in u . s . [SEP]
        Assert.Equal([X, 1, 0, X, 0, 3, X, X, X, X], TokenLabelAlignment.Align(encoded.WordIds, tags, false, BeginToInside));
        Assert.Equal([X, 1, 0, 0, 0, 3, 4, 4, 4, X], TokenLabelAlignment.Align(encoded.WordIds, tags, true, BeginToInside));
    }

    [Fact]
    public void A_word_id_without_a_tag_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => TokenLabelAlignment.Align([null, 0, 2, null], [0, 0], false, BeginToInside));

        Assert.StartsWith("Token 2 belongs to word 2, but there are tags for 2 words.", ex.Message, StringComparison.Ordinal);
    }
}
