using ExperimentKit.Tokenization;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// ExperimentKit's ids-only API (input_ids and token_type_ids into reused per-thread buffers), what dataset
/// tokenization uses; the same kind of call as the FastBertTokenizer row.
/// </summary>
internal sealed class OursIdsContender(BertTokenizer tokenizer) : IContender
{
    private const int MaxTokens = EncodeOptions.ModelMaxLength;

    [ThreadStatic]
    private static int[]? t_ids;

    [ThreadStatic]
    private static int[]? t_types;

    public string Name => "ExperimentKit EncodeIds";

    public bool SupportsPairs => true;

    public int Encode(string text) => EncodePair(text, null);

    public int EncodePair(string first, string? second) =>
        tokenizer.EncodeIds(first, second, EncodeOptions.Default, t_ids ??= new int[MaxTokens], t_types ??= new int[MaxTokens]);

    public int[] Ids(string text)
    {
        int count = Encode(text);
        return t_ids.AsSpan(0, count).ToArray();
    }
}
