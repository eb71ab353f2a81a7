using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>The per-thread memo of split words must never change what a word becomes, nor where its pieces point.</summary>
public sealed class WordSplitCacheTests
{
    private static readonly string[] Specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    [Fact]
    public void Two_vocabularies_on_one_thread_each_split_a_word_their_own_way()
    {
        var first = new BertTokenizer(WordPieceVocabulary.FromTokens([.. Specials, "un", "##able"]));
        var second = new BertTokenizer(WordPieceVocabulary.FromTokens([.. Specials, "una", "##ble"]));

        Assert.Equal(["un", "##able"], first.Tokenize("unable"));
        Assert.Equal(["una", "##ble"], second.Tokenize("unable"));
        Assert.Equal(["un", "##able"], first.Tokenize("unable"));
    }

    [Fact]
    public void A_split_word_seen_again_gets_the_offsets_of_where_it_is_now()
    {
        var tokenizer = new BertTokenizer(WordPieceVocabulary.FromTokens([.. Specials, "un", "##able"]));

        var encoding = tokenizer.Encode("Unable, UNABLE", options: Bert.NoSpecialTokens);

        Assert.Equal([(0, 2), (2, 6), (6, 7), (8, 10), (10, 14)], encoding.Offsets);
        Assert.Equal([5, 6, 1, 5, 6], encoding.InputIds);
    }
}
