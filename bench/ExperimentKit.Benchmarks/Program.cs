using ExperimentKit.Benchmarks;

return args switch
{
    ["tokenizers", .. var rest] => TokenizerBenchmark.Run(rest),
    ["memory"] => MemoryBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- tokenizers [--runs N]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- memory");
    return 2;
}
