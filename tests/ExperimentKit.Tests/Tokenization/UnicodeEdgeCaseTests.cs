using ExperimentKit.Tokenization;
using Snapshooter.Xunit;

namespace ExperimentKit.Tests.Tokenization;

public sealed class UnicodeEdgeCaseTests
{
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "accents", "Café naïve clichés RÉSUMÉ Ångström" },
        { "dollar and backtick", "for $2.5 billion `code`" },
        { "cjk", "我爱北京天安门 and 日本語テキスト" },
        { "emoji", "great movie 😀👍 ! 🥺 🫠" },
        { "zero width and controls", "zero\u200bwidth\u200d joiner\u0000nul\u0007bell\ufffdreplacement\u00adsoft" },
        { "unicode whitespace", "a\u00a0b\u2003c\u3000d\te\r\nf" },
        { "punctuation", "“quoted” — dash… «guillemets» ¿qué? 1,000.50%" },
        { "long word", new string('a', 150) + " short" },
        { "exactly 100 chars", new string('a', 100) },
        { "empty", "" },
        { "whitespace only", " \t\r\n\u00a0 " },
        { "special tokens in text", "hello [SEP] world[MASK]x [unk] [UNK]" },
        { "greek and turkish", "ΟΔΟΣ İSTANBUL ıi" },
        { "hangul", "한국어 텍스트" },
        { "unknown symbol", "☃ snowman" },
    };

    [Fact]
    public void Edge_cases_snapshot()
    {
        var results = Cases.Select(row =>
        {
            string text = (string)row[1];
            var encoding = Bert.Tokenizer.Encode(text);
            return new
            {
                Case = (string)row[0],
                Tokens = string.Join(' ', Bert.Tokenizer.ConvertIdsToTokens(encoding.InputIds)),
                Ids = string.Join(' ', encoding.InputIds),
                Offsets = string.Join(' ', encoding.Offsets.Select(o => $"{o.Start}-{o.End}")),
                WordIds = string.Join(' ', encoding.WordIds.Select(w => w?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-")),
            };
        });

        Snapshot.Match(results);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Edge_cases_match_hugging_face(string name, string text)
    {
        Assert.True(
            Bert.Tokenizer.Encode(text).InputIds.SequenceEqual(HfReferenceTokenizer.Instance.Encode(text)),
            $"{name}: ours {string.Join(' ', Bert.Tokenizer.Encode(text).InputIds)} hf {string.Join(' ', HfReferenceTokenizer.Instance.Encode(text))}");
    }

    [Fact]
    public void Empty_and_whitespace_only_give_cls_sep()
    {
        Assert.Equal([101, 102], Bert.Tokenizer.Encode("").InputIds);
        Assert.Equal([101, 102], Bert.Tokenizer.Encode(" \t\n ").InputIds);
    }

    [Fact]
    public void Word_over_100_code_points_is_unknown()
    {
        Assert.Equal([100], Bert.Tokenizer.Encode(new string('a', 101), options: Bert.NoSpecialTokens).InputIds);
        Assert.NotEqual([100], Bert.Tokenizer.Encode(new string('a', 100), options: Bert.NoSpecialTokens).InputIds);
    }

    [Fact]
    public void Cased_tokenizer_keeps_case_and_accents()
    {
        var basic = new BasicTokenizer(doLowerCase: false);

        Assert.Equal(["Café", "$", "Naïve", "!"], basic.Tokenize("Café $Naïve!"));
    }

    [Fact]
    public void Strip_accents_can_be_set_apart_from_lower_casing()
    {
        Assert.Equal(["café"], new BasicTokenizer(doLowerCase: true, stripAccents: false).Tokenize("CAFÉ"));
        Assert.Equal(["CAFE"], new BasicTokenizer(doLowerCase: false, stripAccents: true).Tokenize("CAFÉ"));
    }

    [Fact]
    public void Parallel_encoding_matches_sequential()
    {
        string[] texts = [.. Glue.MrpcSentences("dev")];

        var parallel = Bert.Tokenizer.EncodeBatch(texts);

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Bert.Tokenizer.Encode(texts[i]).InputIds, parallel[i].InputIds);
        }
    }
}
