using FastBertTokenizer;

namespace ExperimentKit.Benchmarks;

/// <summary>FastBertTokenizer writing ids into a reused per-thread buffer, its fastest API; it has no pair encoding.</summary>
internal sealed class FastBertContender : IContender
{
    private const int MaxTokens = 512;

    // Per-thread buffers: the parallel runs share one tokenizer, as they do for every contender.
    [ThreadStatic]
    private static long[]? t_ids;

    [ThreadStatic]
    private static long[]? t_mask;

    private readonly BertTokenizer _tokenizer = new();

    public FastBertContender(string vocabPath)
    {
        using var reader = new StreamReader(vocabPath);
        _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
    }

    public string Name => "FastBertTokenizer";

    public bool SupportsPairs => false;

    public int Encode(string text)
    {
        return _tokenizer.Encode(text, t_ids ??= new long[MaxTokens], t_mask ??= new long[MaxTokens]);
    }

    public int EncodePair(string first, string second) => throw new NotSupportedException("FastBertTokenizer encodes single texts only.");

    public int[] Ids(string text)
    {
        int count = Encode(text);
        return [.. t_ids!.AsSpan(0, count).ToArray().Select(id => checked((int)id))];
    }
}
