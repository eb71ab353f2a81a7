using System.Collections.Concurrent;
using System.Diagnostics;

namespace ExperimentKit.Benchmarks;

/// <summary>One measured configuration: the best of several timed passes over a whole workload.</summary>
internal sealed record Throughput(string Contender, string Workload, int Threads, long Tokens, double Sentences, double Seconds)
{
    public double SentencesPerSecond => Sentences / Seconds;

    public double TokensPerSecond => Tokens / Seconds;

    /// <summary>
    /// One untimed warm-up pass (JIT tiers, caches, per-thread buffers), then <paramref name="runs"/> timed passes;
    /// the fastest counts, since on a shared machine slower passes measure the neighbours.
    /// </summary>
    public static Throughput Measure(IContender contender, Workload workload, int threads, int runs)
    {
        Pass(contender, workload, threads);
        double best = double.MaxValue;
        long tokens = 0;
        for (int run = 0; run < runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            tokens = Pass(contender, workload, threads);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return new Throughput(contender.Name, workload.Name, threads, tokens, (double)workload.Count * workload.SentencesPerInput, best);
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
