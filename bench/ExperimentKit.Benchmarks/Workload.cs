namespace ExperimentKit.Benchmarks;

/// <summary>A list of inputs a contender tokenizes in full: single sentences or sentence pairs.</summary>
internal sealed record Workload(string Name, int Count, int SentencesPerInput, bool IsPairs, Func<IContender, int, int> EncodeOne)
{
    public static Workload Singles(string name, IReadOnlyList<string> sentences) =>
        new(name, sentences.Count, 1, false, (contender, i) => contender.Encode(sentences[i]));

    public static Workload Pairs(string name, IReadOnlyList<(string First, string Second)> pairs) =>
        new(name, pairs.Count, 2, true, (contender, i) => contender.EncodePair(pairs[i].First, pairs[i].Second));
}
