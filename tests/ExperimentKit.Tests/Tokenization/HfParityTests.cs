using Xunit.Abstractions;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>Exact ids against Hugging Face's Rust tokenizer on real data, through Encode and EncodeIds.</summary>
public sealed class HfParityTests(ITestOutputHelper output)
{
    [Fact]
    public void Reference_tokenizer_reproduces_the_recorded_ids()
    {
        // Guards the generated tokenizer.json: parity against a misconfigured reference would prove nothing.
        Assert.Equal(
            [101, 1045, 1005, 2310, 2042, 3403, 2005, 1037, 17662, 12172, 2607, 2026, 2878, 2166, 1012, 102],
            HfReferenceTokenizer.Instance.Encode("I've been waiting for a HuggingFace course my whole life."));
        Assert.Equal([101, 2005, 1002, 1016, 1012, 1019, 4551, 102], HfReferenceTokenizer.Instance.Encode("for $2.5 billion"));
        Assert.Equal([101, 18856, 17322, 2015, 102], HfReferenceTokenizer.Instance.Encode("clichés"));
    }

    [Fact]
    public void Every_mrpc_train_and_dev_sentence_matches()
    {
        string[] sentences = [.. Glue.MrpcSentences("train"), .. Glue.MrpcSentences("dev")];

        int compared = CompareSingles(sentences.Select((text, i) => ($"mrpc #{i}", text)));

        output.WriteLine($"compared {compared} MRPC sentences");
        Assert.Equal(2 * (3668 + 408), compared);
    }

    [Fact]
    public void Every_mrpc_train_and_dev_pair_matches()
    {
        var pairs = Glue.MrpcPairs("train").Concat(Glue.MrpcPairs("dev")).ToArray();

        foreach ((string first, string second) in pairs)
        {
            var ours = Bert.Tokenizer.Encode(first, second);
            var oursIds = Bert.Tokenizer.EncodeIds(first, second);
            (int[] ids, int[] types) = HfReferenceTokenizer.Instance.EncodePair(first, second);
            Assert.True(
                ours.InputIds.SequenceEqual(ids) && ours.TokenTypeIds.SequenceEqual(types)
                    && oursIds.InputIds.SequenceEqual(ids) && oursIds.TokenTypeIds.SequenceEqual(types),
                $"pair ({first}) / ({second})\nours: {string.Join(' ', ours.InputIds)}\nhf:   {string.Join(' ', ids)}");
        }

        output.WriteLine($"compared {pairs.Length} MRPC pairs");
    }

    /// <summary>Every sentence of every split of every GLUE task in the data folder (a few hundred thousand).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Every_glue_sentence_matches()
    {
        int compared = CompareSingles(Glue.AllSentences());

        output.WriteLine($"compared {compared} GLUE sentences");
        // CoLA 10,657 + MRPC 15,052 + RTE 11,534 + SST-2 70,042 + STS-B 17,256 + WNLI 1,704 (every split, every text column).
        Assert.Equal(126_245, compared);
    }

    private static int CompareSingles(IEnumerable<(string Where, string Text)> sentences)
    {
        int compared = 0;
        foreach ((string where, string text) in sentences)
        {
            int[] ours = Bert.Tokenizer.Encode(text).InputIds;
            int[] hf = HfReferenceTokenizer.Instance.Encode(text);
            Assert.True(
                ours.SequenceEqual(hf) && Bert.Tokenizer.EncodeIds(text).InputIds.SequenceEqual(hf),
                $"{where}: {text}\nours: {string.Join(' ', ours)}\nhf:   {string.Join(' ', hf)}");
            compared++;
        }

        return compared;
    }
}
