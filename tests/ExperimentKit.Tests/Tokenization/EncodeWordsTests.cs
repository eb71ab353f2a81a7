using ExperimentKit.Data;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>Encoding pre-split words (HF is_split_into_words=True): ids as Encode gives them, plus each token's word.</summary>
public sealed class EncodeWordsTests
{
    private const int Cls = 101;
    private const int Sep = 102;

    [Fact]
    public void A_CoNLL_sentence_gets_the_ids_of_its_words_between_CLS_and_SEP()
    {
        string[] words = ["EU", "rejects", "German", "call"];

        var encoded = Bert.Tokenizer.EncodeWords(words);

        // Each of these words is one bert-base-uncased vocabulary entry (vocab.txt line minus one).
        Assert.Equal([Cls, 7327, 19164, 2446, 2655, Sep], encoded.InputIds);
        Assert.Equal([null, 0, 1, 2, 3, null], encoded.WordIds);
        Assert.Equal(new int[6], encoded.TokenTypeIds);
        int[] wordByWord = [Cls, .. words.SelectMany(w => Bert.Tokenizer.Encode(w, options: Bert.NoSpecialTokens).InputIds), Sep];
        Assert.Equal(wordByWord, encoded.InputIds);
    }

    [Fact]
    public void Every_piece_of_a_word_split_by_punctuation_carries_that_word()
    {
        var encoded = Bert.Tokenizer.EncodeWords(["in", "U.S.", "on", "1996-08-22"]);

        Assert.Equal(["[CLS]", "in", "u", ".", "s", ".", "on", "1996", "-", "08", "-", "22", "[SEP]"], Bert.Tokenizer.ConvertIdsToTokens(encoded.InputIds));
        Assert.Equal([null, 0, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, null], encoded.WordIds);
    }

    [Fact]
    public void A_word_split_by_WordPiece_carries_that_word_on_every_piece()
    {
        var encoded = Bert.Tokenizer.EncodeWords(["Blackburn", "huggingface"]);

        Assert.Equal(["[CLS]", "blackburn", "hugging", "##face", "[SEP]"], Bert.Tokenizer.ConvertIdsToTokens(encoded.InputIds));
        Assert.Equal([null, 0, 1, 1, null], encoded.WordIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0001")]
    [InlineData(" ")]
    public void A_word_that_normalizes_to_nothing_gives_no_token_and_later_words_keep_their_index(string empty)
    {
        var encoded = Bert.Tokenizer.EncodeWords(["a", empty, "b"]);

        Assert.Equal(["[CLS]", "a", "b", "[SEP]"], Bert.Tokenizer.ConvertIdsToTokens(encoded.InputIds));
        Assert.Equal([null, 0, 2, null], encoded.WordIds);
    }

    [Fact]
    public void Truncation_cuts_from_the_end_keeps_SEP_last_and_the_word_ids_of_what_is_kept()
    {
        var encoded = Bert.Tokenizer.EncodeWords(["in", "U.S.", "on", "Monday"], new EncodeOptions(MaxLength: 5));

        Assert.Equal(["[CLS]", "in", "u", ".", "[SEP]"], Bert.Tokenizer.ConvertIdsToTokens(encoded.InputIds));
        Assert.Equal([null, 0, 1, 1, null], encoded.WordIds);
        Assert.Equal(new int[5], encoded.TokenTypeIds);
    }

    [Fact]
    public void A_special_token_written_as_a_word_stays_whole_as_HF_keeps_added_tokens()
    {
        var encoded = Bert.Tokenizer.EncodeWords(["a", "[MASK]"]);

        Assert.Equal([Cls, Bert.Tokenizer.Encode("a", options: Bert.NoSpecialTokens).InputIds[0], 103, Sep], encoded.InputIds);
        Assert.Equal([null, 0, 1, null], encoded.WordIds);
    }

    [Fact]
    public void Without_special_tokens_every_token_has_a_word()
    {
        var encoded = Bert.Tokenizer.EncodeWords(["EU", "rejects"], Bert.NoSpecialTokens);

        Assert.Equal([7327, 19164], encoded.InputIds);
        Assert.Equal([0, 1], encoded.WordIds);
    }

    [Fact]
    public void Padding_is_for_Encode()
    {
        var options = new EncodeOptions(MaxLength: 8, Padding: PaddingStrategy.MaxLength);

        Assert.Throws<ArgumentException>(() => Bert.Tokenizer.EncodeWords(["a"], options));
    }

    [Fact]
    public void The_first_200_validation_sentences_encode_as_their_words_joined_by_spaces()
    {
        var labels = ConllReader.ReadTagNames(TestData.Path("conll2003", "valid.txt"), 3);
        var sentences = ConllReader.Read(TestData.Path("conll2003", "valid.txt"), 3, labels, maxSentences: 200);

        Assert.Equal(200, sentences.Count);
        foreach (var sentence in sentences)
        {
            Assert.DoesNotContain(sentence.Tokens, word => word.Any(char.IsWhiteSpace));
            var encoded = Bert.Tokenizer.EncodeWords(sentence.Tokens);
            // Word ids differ where punctuation splits a word ("U.S."): Encode numbers the pieces, EncodeWords the words.
            Assert.Equal(Bert.Tokenizer.Encode(string.Join(" ", sentence.Tokens)).InputIds, encoded.InputIds);
            int?[] perWord = [null, .. sentence.Tokens.SelectMany((w, i) => Enumerable.Repeat<int?>(i, Bert.Tokenizer.Tokenize(w).Count)), null];
            Assert.Equal(perWord, encoded.WordIds);
        }
    }
}
