using ExperimentKit.Tokenization;

namespace ExperimentKit.Benchmarks;

/// <summary>ExperimentKit's tokenizer through its public API: a full Encoding (ids, types, masks, offsets, word ids).</summary>
internal sealed class OursContender(string vocabPath) : IContender
{
    private readonly BertTokenizer _tokenizer = BertTokenizer.FromVocabFile(vocabPath);

    public string Name => "ExperimentKit";

    public bool SupportsPairs => true;

    public int Encode(string text) => _tokenizer.Encode(text).Length;

    public int EncodePair(string first, string second) => _tokenizer.Encode(first, second).Length;

    public int[] Ids(string text) => _tokenizer.Encode(text).InputIds;
}
