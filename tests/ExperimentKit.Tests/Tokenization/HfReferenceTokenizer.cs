using ExperimentKit.Tokenization;
using Tokenizers.DotNet;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>
/// Hugging Face's Rust tokenizer (through Tokenizers.DotNet) loaded with the standard bert-base-uncased
/// tokenizer.json, written from vocab.txt (<see cref="TokenizerJsonWriter"/>) because none ships in the data folder.
/// </summary>
internal sealed class HfReferenceTokenizer
{
    private static readonly Lazy<HfReferenceTokenizer> LazyInstance = new(() => new HfReferenceTokenizer(Bert.VocabPath));

    private readonly Tokenizer _tokenizer;

    private HfReferenceTokenizer(string vocabPath)
    {
        string json = Path.Combine(Path.GetTempPath(), $"experimentkit-bert-tokenizer-{Environment.ProcessId}.json");
        File.WriteAllBytes(json, TokenizerJsonWriter.Write(BertTokenizer.FromVocabFile(vocabPath)));
        _tokenizer = new Tokenizer(json);
    }

    public static HfReferenceTokenizer Instance => LazyInstance.Value;

    /// <summary>Ids of [CLS] text [SEP].</summary>
    public int[] Encode(string text) => [.. _tokenizer.Encode(text).Select(id => checked((int)id))];

    /// <summary>[CLS] A [SEP] B [SEP] and its token types; Tokenizers.DotNet has no pair API.</summary>
    public (int[] Ids, int[] TypeIds) EncodePair(string first, string second)
    {
        int[] a = Encode(first);
        int[] b = Encode(second)[1..];
        return ([.. a, .. b], [.. a.Select(_ => 0), .. b.Select(_ => 1)]);
    }
}
