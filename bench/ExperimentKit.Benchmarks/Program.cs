using ExperimentKit.Benchmarks;

return args switch
{
    ["tokenizers", .. var rest] => TokenizerBenchmark.Run(rest),
    ["encoder-parity"] => EncoderParityBenchmark.Run(),
    ["memory"] => MemoryBenchmark.Run(),
    ["pipelines", .. var rest] => PipelineBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- <benchmark>");
    Console.Error.WriteLine("  tokenizers [--runs N]   tokens/s of ours, HF Rust, Microsoft.ML.Tokenizers, FastBertTokenizer");
    Console.Error.WriteLine("  encoder-parity          our encoder vs ONNX Runtime on all-MiniLM-L6-v2: max difference and pairs/s");
    Console.Error.WriteLine("  memory                  resident memory over 1,000 trainer steps of a tiny BERT");
    Console.Error.WriteLine("  pipelines [--threads N] [--batches 1,8,32] [--runs N] [--calls N]");
    Console.Error.WriteLine("                          feature-extraction and text-classification sentences/s and latency, ours vs ONNX Runtime");
    return 2;
}
