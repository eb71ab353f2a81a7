using System.Globalization;

namespace ExperimentKit.Benchmarks;

/// <summary>The results as one fixed-width table, with speed ratios against FastBertTokenizer and HF Rust.</summary>
internal static class ResultTable
{
    public static void Print(IReadOnlyList<Throughput> results, string fastBert, string hfRust)
    {
        string[] header = ["workload", "threads", "tokenizer", "sentences/s", "tokens/s", "tokens", "vs FastBert", "vs HF Rust"];
        var rows = results.Select(r => new[]
        {
            r.Workload,
            r.Threads.ToString(CultureInfo.InvariantCulture),
            r.Contender,
            r.SentencesPerSecond.ToString("N0", CultureInfo.InvariantCulture),
            (r.TokensPerSecond / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " M",
            r.Tokens.ToString(CultureInfo.InvariantCulture),
            Ratio(r, results, fastBert),
            Ratio(r, results, hfRust),
        }).ToList();
        int[] widths = [.. header.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max())];
        Console.WriteLine(Line(header, widths));
        Console.WriteLine(Line([.. widths.Select(w => new string('-', w))], widths));
        rows.ForEach(row => Console.WriteLine(Line(row, widths)));
    }

    /// <summary>Tokens/s against the reference on the same workload and thread count; n/a where it did not run.</summary>
    private static string Ratio(Throughput result, IReadOnlyList<Throughput> results, string reference) =>
        results.FirstOrDefault(r => r.Contender == reference && r.Workload == result.Workload && r.Threads == result.Threads) is { } other
            ? (result.TokensPerSecond / other.TokensPerSecond).ToString("F2", CultureInfo.InvariantCulture) + "x"
            : "n/a";

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, i) => i < 3 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))) + " |";
}
