using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

public sealed class OffsetTests
{
    private static readonly BasicTokenizer Normalizer = new();

    [Fact]
    public void Every_mrpc_dev_token_spells_its_original_span()
    {
        int checkedTokens = 0;
        foreach (string text in Glue.MrpcSentences("dev"))
        {
            var encoding = Bert.Tokenizer.Encode(text);
            for (int i = 0; i < encoding.Length; i++)
            {
                int id = encoding.InputIds[i];
                if (encoding.SpecialTokensMask[i] == 1 || id == Bert.Tokenizer.Vocabulary.UnknownId)
                {
                    continue;
                }

                string token = Bert.Tokenizer.Vocabulary.GetToken(id);
                string piece = token.StartsWith("##", StringComparison.Ordinal) ? token[2..] : token;
                (int start, int end) = encoding.Offsets[i];
                string original = string.Concat(Normalizer.Tokenize(text[start..end]));
                Assert.True(piece == original, $"{text}\ntoken {token} at {start}..{end} reads '{text[start..end]}'");
                checkedTokens++;
            }
        }

        Assert.True(checkedTokens > 10_000, $"only {checkedTokens} tokens checked");
    }

    [Fact]
    public void Offsets_map_through_accent_stripping_to_original_characters()
    {
        // "e\u0301" is a decomposed é: its mark is stripped, so "cafe" ends at the e.
        const string text = "Café cafe\u0301 İstanbul";

        var encoding = Bert.Tokenizer.Encode(text, options: Bert.NoSpecialTokens);

        Assert.Equal("cafe cafe istanbul", string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(encoding.InputIds)));
        Assert.Equal([(0, 4), (5, 9), (11, 19)], encoding.Offsets);
        Assert.Equal([0, 1, 2], encoding.WordIds);
    }
}
