using System.Diagnostics;
using System.Globalization;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Pipelines;
using ExperimentKit.Tokenization;
using TorchSharp;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// `pipelines`: sentences per second of feature-extraction (both sentences of every MRPC validation pair, sentence
/// embeddings) and text-classification (every pair, all-MiniLM-L6-v2 with a seeded classification head) at several
/// batch sizes, ours against ONNX Runtime on the same ONNX file with the same tokens, batches and thread count,
/// measured in turns; then the latency of one short sentence over many calls.
/// </summary>
internal static class PipelineBenchmark
{
    private const string ShortSentence = "I hate this so much!";

    public static int Run(string[] args)
    {
        var threads = Option(args, "--threads", 2);
        var runs = Option(args, "--runs", 1);
        var calls = Option(args, "--calls", 1000);
        int[] batchSizes = [.. (OptionText(args, "--batches") ?? "1,8,32").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))];
        torch.set_num_threads(threads);

        var model = EmbeddedModels.AllMiniLmL6V2;
        var folder = PretrainedResolver.Resolve(model.RepoId, HubCache.FromEnvironment(), log: Console.WriteLine);
        using var scratch = new ScratchFolder();
        var (classifierFolder, weight, bias) = ClassifierOn(folder, scratch.Path);
        var tokenizer = BertTokenizer.FromPretrainedFolder(folder.Path);
        var pairs = ValidationPairs();
        var sentences = pairs.SelectMany(p => new[] { p.First, p.Second }).ToArray();
        var embedOptions = new EncodeOptions(MaxLength: model.Pooling.MaxSeqLength);
        var sentenceRows = sentences.Select(s => tokenizer.EncodeIds(s, options: embedOptions)).Select(e => (e.InputIds, e.TokenTypeIds)).ToArray();
        var pairRows = pairs.Select(p => tokenizer.EncodeIds(p.First, p.Second)).Select(e => (e.InputIds, e.TokenTypeIds)).ToArray();
        using var onnx = new OnnxEncoder(model, threads);
        var reference = new OnnxPipelines(onnx, weight, bias);
        TextInput[] pairInputs = [.. pairs.Select(p => new TextInput(p.First, p.Second))];

        Console.WriteLine($"all-MiniLM-L6-v2, MRPC validation: {sentences.Length} sentences (feature-extraction), {pairs.Count} pairs (text-classification); {threads} threads each; best of {runs}; ours includes tokenization, ONNX Runtime is given the tokens");
        Console.WriteLine("| task | batch | ExperimentKit sentences/s | ONNX Runtime sentences/s | ratio | max abs difference |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var batch in batchSizes)
        {
            using var features = new FeatureExtractionPipeline(folder.Path, new PipelineOptions(BatchSize: batch));
            using var classifier = new TextClassificationPipeline(classifierFolder, new PipelineOptions(BatchSize: batch));
            features.Embed(sentences[..batch]);
            classifier.Predict(pairInputs[..batch]);
            reference.Embed(sentenceRows[..batch], batch);
            Row("feature-extraction", batch, sentences.Length, runs, () => features.Embed(sentences), () => reference.Embed(sentenceRows, batch));
            Row("text-classification", batch, 2 * pairs.Count, runs, () => Probabilities(classifier, classifier.Predict(pairInputs, topK: null)), () => reference.Classify(pairRows, batch));
        }

        using var single = new FeatureExtractionPipeline(folder.Path, new PipelineOptions(BatchSize: 1));
        var shortRow = new[] { tokenizer.EncodeIds(ShortSentence, options: embedOptions) }.Select(e => (e.InputIds, e.TokenTypeIds)).ToArray();
        var ours = Latencies(calls, () => single.Embed([ShortSentence]));
        var theirs = Latencies(calls, () => reference.Embed([.. tokenizer.EncodeIds(ShortSentence, options: embedOptions) is var e ? new[] { (e.InputIds, e.TokenTypeIds) } : shortRow], 1));
        Console.WriteLine();
        Console.WriteLine($"feature-extraction latency of \"{ShortSentence}\" ({shortRow[0].InputIds.Length} tokens), {calls} calls each:");
        Console.WriteLine("| | p50 ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| ExperimentKit | {Percentile(ours, 0.50):F2} | {Percentile(ours, 0.95):F2} |");
        Console.WriteLine($"| ONNX Runtime | {Percentile(theirs, 0.50):F2} | {Percentile(theirs, 0.95):F2} |");
        return 0;
    }

    /// <summary>One table row: both contenders timed in turns, each one's fastest pass counting; the difference is of their outputs.</summary>
    private static void Row(string task, int batch, int sentences, int runs, Func<float[][]> ours, Func<float[][]> onnx)
    {
        var (oursSeconds, onnxSeconds) = (double.MaxValue, double.MaxValue);
        var (oursOutput, onnxOutput) = (Array.Empty<float[]>(), Array.Empty<float[]>());
        for (var run = 0; run < runs; run++)
        {
            oursSeconds = Math.Min(oursSeconds, Seconds(() => oursOutput = ours()));
            onnxSeconds = Math.Min(onnxSeconds, Seconds(() => onnxOutput = onnx()));
        }

        var difference = oursOutput.Zip(onnxOutput).Max(p => p.First.Zip(p.Second).Max(v => Math.Abs(v.First - v.Second)));
        Console.WriteLine($"| {task} | {batch} | {sentences / oursSeconds:F1} | {sentences / onnxSeconds:F1} | {onnxSeconds / oursSeconds:F2}x | {difference:E1} |");
    }

    /// <summary>Each input's probabilities in label-id order, as the ONNX side computes them.</summary>
    private static float[][] Probabilities(TextClassificationPipeline classifier, IReadOnlyList<IReadOnlyList<LabelScore>> ranked) =>
        [.. ranked.Select(labels => labels.OrderBy(l => classifier.Config.Label2Id[l.Label]).Select(l => l.Score).ToArray())];

    private static double Seconds(Action pass)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        pass();
        return clock.Elapsed.TotalSeconds;
    }

    private static double[] Latencies(int calls, Action call)
    {
        for (var i = 0; i < Math.Min(50, calls); i++)
        {
            call();
        }

        return [.. Enumerable.Range(0, calls).Select(_ => Seconds(call) * 1000).Order()];
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Ceiling(fraction * sorted.Length) - 1];

    /// <summary>
    /// all-MiniLM-L6-v2 with a sequence-classification head drawn from seed 42, saved as a run folder would hold it
    /// (labels not_equivalent / equivalent), and the head's weight and bias for the ONNX side.
    /// </summary>
    private static (string Folder, float[] Weight, float[] Bias) ClassifierOn(PretrainedFolder encoder, string parent)
    {
        torch.manual_seed(42);
        var config = BertConfig.Load(encoder.Config).WithLabelNames(["not_equivalent", "equivalent"]);
        using var model = new BertForSequenceClassification(config, 2);
        using (var weights = encoder.OpenWeights())
        {
            ModelCheckpoint.Load(model, weights, name => "bert." + name);
        }

        var folder = Path.Combine(parent, "mrpc-classifier");
        Directory.CreateDirectory(folder);
        new ModelFolder(model.Config, BertTokenizer.FromPretrainedFolder(encoder.Path), MaxLength: 512).Write(folder, model);
        var state = model.state_dict();
        return (folder, state["classifier.weight"].data<float>().ToArray(), state["classifier.bias"].data<float>().ToArray());
    }

    private static IReadOnlyList<(string First, string Second)> ValidationPairs() =>
        [.. BenchmarkData.MrpcValidation().Select(e => (e.TextA, e.TextB!))];

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("experimentkit-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
