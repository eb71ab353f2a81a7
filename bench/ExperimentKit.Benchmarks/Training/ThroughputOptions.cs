using System.Globalization;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// `training` options: --shapes minilm,bert-base --batches 8,16,32 --orders dynamic,grouped --steps N --warmup N
/// --threads N --budget-seconds S (no configuration starts after S seconds) --no-dropout (every shape without dropout). Defaults are short runs for a shared
/// machine; <see cref="FullRun"/> is the whole grid.
/// </summary>
internal sealed record ThroughputOptions(IReadOnlyList<ModelShape> Shapes, IReadOnlyList<int> Batches, IReadOnlyList<bool> Grouped, int Steps, int Warmup, int? Threads, double BudgetSeconds)
{
    public const string FullRun = "dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- training --shapes minilm,bert-base --batches 8,16,32 --orders dynamic,grouped --steps 20 --warmup 2 --budget-seconds 100000";

    public static ThroughputOptions Parse(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string[] List(string name, string fallback) => (Value(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries);
        int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
        return new ThroughputOptions(
            [.. List("--shapes", "minilm").Select(ModelShape.Parse).Select(shape => args.Contains("--no-dropout") ? shape.WithoutDropout() : shape)],
            [.. List("--batches", "8,16,32").Select(Number)],
            [.. List("--orders", "dynamic,grouped").Select(o => o == "grouped" ? true : o == "dynamic" ? false : throw new ArgumentException($"unknown order '{o}': use dynamic or grouped"))],
            Number(Value("--steps") ?? "4"),
            Number(Value("--warmup") ?? "1"),
            Value("--threads") is { } threads ? Number(threads) : null,
            Number(Value("--budget-seconds") ?? "120"));
    }
}
