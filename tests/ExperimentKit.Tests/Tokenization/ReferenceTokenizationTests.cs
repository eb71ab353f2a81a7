namespace ExperimentKit.Tests.Tokenization;

/// <summary>The outputs REFERENCE.md §1 and §3 record from the Hugging Face stack.</summary>
public sealed class ReferenceTokenizationTests
{
    [Theory]
    [InlineData("I've been waiting for a HuggingFace course my whole life.", "101 1045 1005 2310 2042 3403 2005 1037 17662 12172 2607 2026 2878 2166 1012 102")]
    [InlineData("I hate this so much!", "101 1045 5223 2023 2061 2172 999 102")]
    public void Single_sentences_match_the_reference_ids(string text, string expected)
    {
        var encoding = Bert.Tokenizer.Encode(text);

        Assert.Equal(Ids(expected), encoding.InputIds);
        Assert.All(encoding.AttentionMask, bit => Assert.Equal(1, bit));
        Assert.All(encoding.TokenTypeIds, type => Assert.Equal(0, type));
    }

    [Fact]
    public void Batch_padded_to_the_longest_matches_the_reference_masks()
    {
        var batch = Bert.Tokenizer.EncodeBatch(["I've been waiting for a HuggingFace course my whole life.", "I hate this so much!"]);
        int longest = batch.Max(e => e.Length);
        var padded = batch.Select(e => e.Pad(longest, Bert.Tokenizer.Vocabulary.PadId)).ToArray();

        Assert.Equal(16, longest);
        Assert.Equal(Ids("101 1045 5223 2023 2061 2172 999 102 0 0 0 0 0 0 0 0"), padded[1].InputIds);
        Assert.Equal(Ids("1 1 1 1 1 1 1 1 0 0 0 0 0 0 0 0"), padded[1].AttentionMask);
        Assert.All(padded[0].AttentionMask, bit => Assert.Equal(1, bit));
    }

    [Fact]
    public void Sentence_pair_matches_the_reference_ids_types_and_tokens()
    {
        var encoding = Bert.Tokenizer.Encode("This is the first sentence.", "This is the second one.");

        Assert.Equal(Ids("101 2023 2003 1996 2034 6251 1012 102 2023 2003 1996 2117 2028 1012 102"), encoding.InputIds);
        Assert.Equal(Ids("0 0 0 0 0 0 0 0 1 1 1 1 1 1 1"), encoding.TokenTypeIds);
        Assert.Equal(Enumerable.Repeat(1, 15), encoding.AttentionMask);
        Assert.Equal(
            "[CLS] this is the first sentence . [SEP] this is the second one . [SEP]",
            string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(encoding.InputIds)));
        Assert.Equal(Ids("1 0 0 0 0 0 0 1 0 0 0 0 0 0 1"), encoding.SpecialTokensMask);
    }

    // STACK.md quotes "for $2.5 billion" as 2005 1002 1016 1012 1019, the ids up to "5"; "billion" is 4551.
    [Theory]
    [InlineData("for $2.5 billion", "2005 1002 1016 1012 1019 4551")]
    [InlineData("clichés", "18856 17322 2015")]
    [InlineData("`quoted`", "1036 9339 1036")]
    public void Dollar_backtick_and_accents_follow_hugging_face(string text, string expected)
    {
        Assert.Equal(Ids(expected), Bert.Tokenizer.Encode(text, options: Bert.NoSpecialTokens).InputIds);
    }

    [Fact]
    public void Special_ids_and_vocabulary_size_match_the_reference()
    {
        var vocabulary = Bert.Tokenizer.Vocabulary;

        Assert.Equal(
            (30522, 0, 100, 101, 102, 103),
            (vocabulary.Count, vocabulary.PadId, vocabulary.UnknownId, vocabulary.ClassifierId, vocabulary.SeparatorId, vocabulary.MaskId));
    }

    [Fact]
    public void First_eight_mrpc_training_pairs_have_the_seed_lengths()
    {
        var pairs = Glue.MrpcPairs("train").Take(8).ToArray();

        var lengths = Bert.Tokenizer.EncodeBatch([.. pairs.Select(p => p.First)], [.. pairs.Select(p => p.Second)]).Select(e => e.Length);

        Assert.Equal([50, 59, 47, 67, 59, 50, 62, 32], lengths);
    }

    private static int[] Ids(string spaced) => [.. spaced.Split(' ').Select(int.Parse)];
}
