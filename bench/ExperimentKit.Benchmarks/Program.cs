using System.Globalization;
using ExperimentKit.Benchmarks;
using ExperimentKit.Benchmarks.MainJob;
using ExperimentKit.Benchmarks.Training;
using ExperimentKit.Torch;

// As the command line does, before LibTorch loads: OpenMP threads that spin while they wait lose their cores to any
// other job (OMP_WAIT_POLICY=ACTIVE in the environment measures the spinning default).
var waitPolicy = OpenMpWaitPolicy.PreferPassive();

return args switch
{
    ["tokenizers", .. var rest] => TokenizerBenchmark.Run(rest),
    ["encoder-parity"] => EncoderParityBenchmark.Run(),
    ["memory"] => MemoryBenchmark.Run(),
    ["training", .. var rest] => TrainingThroughputBenchmark.Run(rest, waitPolicy),
    ["main-job", .. var rest] => MainJobBenchmark.Run(rest),
    ["scalar-stress", .. var rest] => ScalarStressBenchmark.Run(rest),
    [ScalarStressBenchmark.WorkerCommand, var deadline, .. var rest] =>
        ScalarStressWorker.Run(rest.Contains("--old-path"), DateTime.Parse(deadline, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
    ["pipelines", .. var rest] => PipelineBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- <benchmark>");
    Console.Error.WriteLine("  tokenizers [--runs N]   tokens/s of ours, HF Rust, Microsoft.ML.Tokenizers, FastBertTokenizer");
    Console.Error.WriteLine("  encoder-parity          our encoder vs ONNX Runtime on all-MiniLM-L6-v2: max difference and pairs/s");
    Console.Error.WriteLine("  memory                  resident memory over 1,000 trainer steps of a tiny BERT");
    Console.Error.WriteLine("  training [--shapes minilm,bert-base] [--batches 8,16,32] [--orders dynamic,grouped] [--steps N] [--warmup N] [--threads N] [--no-dropout]");
    Console.Error.WriteLine("                          samples/s, tokens/s, ms/step by phase and MFU; results in bench/results/");
    Console.Error.WriteLine("  main-job [--configuration Debug|Release] [--max-steps N]   wall time of the main job by phase");
    Console.Error.WriteLine("  scalar-stress [--minutes N] [--old-path]   crashes of training beside a thread forcing GCs");
    Console.Error.WriteLine("  pipelines [--threads N] [--batches 1,8,32] [--runs N] [--calls N]");
    Console.Error.WriteLine("                          feature-extraction and text-classification sentences/s and latency, ours vs ONNX Runtime");
    return 2;
}
