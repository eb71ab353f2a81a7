using System.Globalization;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// Tokenizes all SST-2 training sentences and all MRPC pairs with each contender, on one thread and on all cores,
/// checks that the ids agree, and prints one table.
/// </summary>
internal static class TokenizerBenchmark
{
    private const int DefaultRuns = 5;
    private const int ShownMismatches = 3;

    public static int Run(IReadOnlyList<string> args)
    {
        int runs = args is ["--runs", var value] ? int.Parse(value, CultureInfo.InvariantCulture) : DefaultRuns;
        BenchmarkData data = BenchmarkData.Load();
        using var hf = new HfRustContender(data.VocabPath);
        var tokenizer = ExperimentKit.Tokenization.BertTokenizer.FromVocabFile(data.VocabPath);
        var ours = new OursContender(tokenizer);
        var oursIds = new OursIdsContender(tokenizer);
        var fast = new FastBertContender(data.VocabPath);
        IContender[] contenders = [oursIds, ours, hf, new MlTokenizersContender(data.VocabPath), fast];
        Workload[] workloads = [Workload.Singles("SST-2 train", data.Sentences), Workload.Pairs("MRPC pairs", data.Pairs)];
        int cores = Environment.ProcessorCount;

        Console.WriteLine(Invariant($"{data.Sentences.Count} SST-2 sentences, {data.Pairs.Count} MRPC pairs; {cores} cores; best of {runs} rounds (contenders take turns) after a warm-up"));
        var fastMismatches = Mismatches(ours, fast, data.Sentences);
        Console.WriteLine(Invariant(
            $"id mismatches on SST-2: vs FastBertTokenizer {fastMismatches.Count}, vs HF Rust {Mismatches(ours, hf, data.Sentences).Count}, EncodeIds vs Encode {Mismatches(oursIds, ours, data.Sentences).Count}"));
        foreach (string text in fastMismatches.Take(ShownMismatches))
        {
            Console.WriteLine($"  text:              {text}");
            Console.WriteLine($"  ExperimentKit/HF:  {string.Join(' ', ours.Ids(text))}");
            Console.WriteLine($"  FastBertTokenizer: {string.Join(' ', fast.Ids(text))}");
        }

        var results = new List<Throughput>();
        foreach (Workload workload in workloads)
        {
            foreach (int threads in new[] { 1, cores }.Distinct())
            {
                IContender[] able = [.. contenders.Where(contender => contender.SupportsPairs || !workload.IsPairs)];
                results.AddRange(Throughput.Measure(able, workload, threads, runs));
            }
        }

        ResultTable.Print(results, fast.Name, hf.Name);
        return 0;
    }

    /// <summary>The sentences on which the two give different ids.</summary>
    private static List<string> Mismatches(IContender ours, IContender other, IReadOnlyList<string> sentences) =>
        [.. sentences.Where(text => !ours.Ids(text).AsSpan().SequenceEqual(other.Ids(text)))];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
