using System.Collections.Concurrent;
using System.Diagnostics;

namespace ExperimentKit.Benchmarks;

/// <summary>One measured configuration: the best of several timed passes over a whole workload.</summary>
internal sealed record Throughput(string Contender, string Workload, int Threads, long Tokens, double Sentences, double Seconds)
{
    public double SentencesPerSecond => Sentences / Seconds;

    public double TokensPerSecond => Tokens / Seconds;

    /// <summary>
    /// One untimed warm-up pass each (JIT tiers, caches, per-thread buffers), then <paramref name="runs"/> rounds in
    /// which every contender makes one timed pass in turn; each one's fastest pass counts. Taking turns exposes all
    /// of them alike to the neighbours on a shared machine, and the fastest pass is the one they disturbed least.
    /// </summary>
    public static IReadOnlyList<Throughput> Measure(IReadOnlyList<IContender> contenders, Workload workload, int threads, int runs)
    {
        foreach (IContender contender in contenders)
        {
            Pass(contender, workload, threads);
        }

        var best = new double[contenders.Count];
        var tokens = new long[contenders.Count];
        best.AsSpan().Fill(double.MaxValue);
        for (int run = 0; run < runs; run++)
        {
            for (int c = 0; c < contenders.Count; c++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                tokens[c] = Pass(contenders[c], workload, threads);
                best[c] = Math.Min(best[c], watch.Elapsed.TotalSeconds);
            }
        }

        return [.. contenders.Select((contender, c) => new Throughput(
            contender.Name, workload.Name, threads, tokens[c], (double)workload.Count * workload.SentencesPerInput, best[c]))];
    }

    private static long Pass(IContender contender, Workload workload, int threads)
    {
        if (threads == 1)
        {
            return Range(contender, workload, 0, workload.Count);
        }

        // Chunks of contiguous inputs keep the per-item scheduling cost out of the measurement.
        long total = 0;
        int chunk = Math.Max(64, workload.Count / (threads * 16));
        Parallel.ForEach(
            Partitioner.Create(0, workload.Count, chunk),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            range => Interlocked.Add(ref total, Range(contender, workload, range.Item1, range.Item2)));
        return total;
    }

    private static long Range(IContender contender, Workload workload, int from, int to)
    {
        long tokens = 0;
        for (int i = from; i < to; i++)
        {
            tokens += workload.EncodeOne(contender, i);
        }

        return tokens;
    }
}
