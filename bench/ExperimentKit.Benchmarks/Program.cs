using ExperimentKit.Benchmarks;

return args switch
{
    ["tokenizers", .. var rest] => TokenizerBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- tokenizers [--runs N]");
    return 2;
}
