using System.Diagnostics;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Models.Onnx;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// Our BERT encoder on the imported all-MiniLM-L6-v2 against ONNX Runtime on the same ONNX file, over all 408 MRPC
/// validation pairs in dynamically padded batches: the largest absolute difference of last_hidden_state and
/// pooler_output, and pairs per second of each on the same inputs and thread count. Both are also measured against
/// our encoder in float64, which says which of the two float32 results sits closer to the exact value, position by
/// position (real tokens and padding apart).
/// </summary>
internal static class EncoderParityBenchmark
{
    private const int BatchSize = 32;

    public static int Run()
    {
        var model = EmbeddedModels.AllMiniLmL6V2;
        var folder = PretrainedResolver.Resolve(model.RepoId, HubCache.FromEnvironment(), log: Console.WriteLine);
        using var encoder = new BertModel(BertConfig.Load(folder.Config));
        ModelCheckpoint.LoadSafetensors(encoder, folder.File(PretrainedFolder.SafetensorsFile));
        encoder.eval();
        using var exact = new BertModel(BertConfig.Load(folder.Config));
        ModelCheckpoint.LoadSafetensors(exact, folder.File(PretrainedFolder.SafetensorsFile));
        exact.to(torch.ScalarType.Float64);
        exact.eval();
        var onnx = AssemblyResourceReader.Read(NuGetPackages.FileOf(model.PackageId, model.PackageVersion, model.AssemblyPath), model.OnnxResource);
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var session = new InferenceSession(onnx, options);

        var batches = ValidationBatches(BertTokenizer.FromPretrainedFolder(folder.Path));
        var (hiddenDifference, tokenDifference, poolerDifference, largest) = (0.0, 0.0, 0.0, 0.0);
        var (oursFromExact, onnxFromExact) = (new Deviation(), new Deviation());
        foreach (var batch in batches)
        {
            var ours = RunOurs(encoder, batch);
            var reference = RunOnnx(session, batch);
            var truth = RunOurs(exact, batch);
            hiddenDifference = Math.Max(hiddenDifference, MaxAbsoluteDifference(ours.Hidden, reference.Hidden));
            tokenDifference = Math.Max(tokenDifference, MaxAbsoluteDifference(RealTokens(ours.Hidden, batch), RealTokens(reference.Hidden, batch)));
            poolerDifference = Math.Max(poolerDifference, MaxAbsoluteDifference(ours.Pooled, reference.Pooled));
            largest = Math.Max(largest, reference.Hidden.Max(Math.Abs));
            oursFromExact.Add(ours, truth, batch);
            onnxFromExact.Add(reference, truth, batch);
        }

        var pairs = batches.Sum(b => b.Rows);
        var oursSeconds = Time(() => batches.ForEach(b => RunOurs(encoder, b)));
        var onnxSeconds = Time(() => batches.ForEach(b => RunOnnx(session, b)));
        Console.WriteLine($"all-MiniLM-L6-v2, {pairs} MRPC validation pairs, batch {BatchSize}, dynamic padding, {Environment.ProcessorCount} threads, float32");
        Console.WriteLine($"max |ours - onnxruntime|: last_hidden_state {hiddenDifference:E2} (real tokens only {tokenDifference:E2}; largest |value| {largest:F2}), pooler_output {poolerDifference:E2}");
        Console.WriteLine("max |float32 - our float64 encoder|: real tokens / padding positions / pooler_output");
        Console.WriteLine($"  ExperimentKit float32: {oursFromExact}");
        Console.WriteLine($"  onnxruntime float32:   {onnxFromExact}");
        Console.WriteLine("| encoder | pairs/s | vs onnxruntime |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| ExperimentKit (TorchSharp) | {pairs / oursSeconds,8:F1} | {onnxSeconds / oursSeconds:F2}x |");
        Console.WriteLine($"| Microsoft.ML.OnnxRuntime   | {pairs / onnxSeconds,8:F1} | 1.00x |");
        return hiddenDifference <= 1e-4 && poolerDifference <= 1e-4 ? 0 : 1;
    }

    private static List<PaddedBatch> ValidationBatches(BertTokenizer tokenizer)
    {
        return BenchmarkData.MrpcValidation().Chunk(BatchSize)
            .Select(chunk => PaddedBatch.Of(chunk.Select(e => tokenizer.Encode(e.TextA, e.TextB)).ToArray()))
            .ToList();
    }

    /// <summary>last_hidden_state and pooler_output, widened to double whatever the encoder's dtype.</summary>
    private static (double[] Hidden, double[] Pooled) RunOurs(BertModel encoder, PaddedBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long[] shape = [batch.Rows, batch.Length];
        var output = encoder.forward(torch.tensor(batch.InputIds, shape), torch.tensor(batch.AttentionMask, shape), torch.tensor(batch.TokenTypeIds, shape));
        return (Doubles(output.LastHiddenState), Doubles(output.PoolerOutput!));
    }

    private static double[] Doubles(torch.Tensor values) => values.to_type(torch.ScalarType.Float64).data<double>().ToArray();

    private static (double[] Hidden, double[] Pooled) RunOnnx(InferenceSession session, PaddedBatch batch)
    {
        int[] shape = [batch.Rows, batch.Length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(batch.InputIds, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(batch.AttentionMask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(batch.TokenTypeIds, shape)),
        ];
        using var results = session.Run(inputs);
        return ([.. results[0].AsTensor<float>().Select(v => (double)v)], [.. results[1].AsTensor<float>().Select(v => (double)v)]);
    }

    /// <summary>Best of three passes after the parity pass has warmed both up.</summary>
    private static double Time(Action pass) =>
        Enumerable.Range(0, 3).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            pass();
            return clock.Elapsed.TotalSeconds;
        });

    /// <summary>The hidden states of positions whose attention mask is 1 (padding positions are left out).</summary>
    private static double[] RealTokens(double[] hidden, PaddedBatch batch) => Positions(hidden, batch, attended: 1);

    /// <summary>The hidden states of positions whose attention mask is <paramref name="attended"/>.</summary>
    private static double[] Positions(double[] hidden, PaddedBatch batch, long attended)
    {
        var width = hidden.Length / batch.AttentionMask.Length;
        return batch.AttentionMask
            .SelectMany((mask, position) => mask == attended ? hidden.AsSpan(position * width, width).ToArray() : [])
            .ToArray();
    }

    private static double MaxAbsoluteDifference(double[] a, double[] b) => a.Length == 0 ? 0 : a.Zip(b).Max(p => Math.Abs(p.First - p.Second));

    /// <summary>The largest distance of a float32 result from the float64 one, over real tokens, padding and the pooler.</summary>
    private sealed class Deviation
    {
        private double tokens, padding, pooler;

        public void Add((double[] Hidden, double[] Pooled) result, (double[] Hidden, double[] Pooled) exact, PaddedBatch batch)
        {
            tokens = Math.Max(tokens, MaxAbsoluteDifference(Positions(result.Hidden, batch, 1), Positions(exact.Hidden, batch, 1)));
            padding = Math.Max(padding, MaxAbsoluteDifference(Positions(result.Hidden, batch, 0), Positions(exact.Hidden, batch, 0)));
            pooler = Math.Max(pooler, MaxAbsoluteDifference(result.Pooled, exact.Pooled));
        }

        public override string ToString() => $"{tokens:E2} / {padding:E2} / {pooler:E2}";
    }

    /// <summary>One batch of encodings padded to its longest row, flattened row-major as both runtimes take it.</summary>
    private sealed record PaddedBatch(int Rows, int Length, long[] InputIds, long[] AttentionMask, long[] TokenTypeIds)
    {
        public static PaddedBatch Of(ExperimentKit.Tokenization.Encoding[] encodings)
        {
            var length = encodings.Max(e => e.Length);
            var padded = encodings.Select(e => e.Pad(length, 0)).ToArray();
            long[] Flat(Func<ExperimentKit.Tokenization.Encoding, int[]> field) => padded.SelectMany(e => field(e).Select(v => (long)v)).ToArray();
            return new PaddedBatch(encodings.Length, length, Flat(e => e.InputIds), Flat(e => e.AttentionMask), Flat(e => e.TokenTypeIds));
        }
    }
}
