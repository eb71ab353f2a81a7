using ExperimentKit.Tokenization;

namespace ExperimentKit.Benchmarks;

/// <summary>ExperimentKit's tokenizer through its public API: a full Encoding (ids, types, masks, offsets, word ids).</summary>
internal sealed class OursContender(BertTokenizer tokenizer) : IContender
{
    public string Name => "ExperimentKit Encode (all fields)";

    public bool SupportsPairs => true;

    public int Encode(string text) => tokenizer.Encode(text).Length;

    public int EncodePair(string first, string second) => tokenizer.Encode(first, second).Length;

    public int[] Ids(string text) => tokenizer.Encode(text).InputIds;
}
