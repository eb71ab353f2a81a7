using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// `memory`: 1,000 optimizer steps of a tiny BERT through the real Trainer, evaluating every 100 steps, printing the
/// resident memory after a full garbage collection right after each evaluation. Readings are taken at the same point
/// of the loop each time: a reading before the first evaluation would miss what evaluation itself keeps (its own batch
/// shapes in LibTorch's allocator, its code JIT-compiled) and show that warm-up as growth. Every tensor a step makes
/// lives in a dispose scope, so the ratio of step 1,000 to step 100 should stay within 5%.
/// </summary>
internal static class MemoryBenchmark
{
    private const int Steps = 1000;
    private const int EvaluationInterval = 100;

    public static int Run()
    {
        torch.manual_seed(1);
        var config = new BertConfig { VocabSize = 1000, HiddenSize = 64, NumHiddenLayers = 2, NumAttentionHeads = 2, IntermediateSize = 128, MaxPositionEmbeddings = 64 };
        using var model = new BertForSequenceClassification(config, numLabels: 2);
        var args = new TrainingSpec { MaxSteps = Steps, PerDeviceTrainBatchSize = 16, PerDeviceEvalBatchSize = 64, LoggingSteps = 100, EvalStrategy = IntervalStrategy.Steps, EvalSteps = EvaluationInterval, SaveStrategy = IntervalStrategy.No };
        var random = new Random(1);
        var examples = Enumerable.Range(0, 512).Select(_ => Example(random)).ToArray();
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 64, LabelCollations.ClassIds);
        Batch Collate(IReadOnlyList<EncodedExample> batch, BatchPosition position) => new(collator.Collate(batch, position));
        static SequenceClassifierOutput Forward(BertForSequenceClassification m, Batch b) => m.forward(b.Collated.InputIds, b.Collated.AttentionMask, b.Collated.TokenTypeIds, b.Collated.Labels);
        var evaluator = new Evaluator<BertForSequenceClassification, Batch>(args, Accuracy, Collate, Forward);
        var memory = new MemoryProbe();
        new Trainer<BertForSequenceClassification, Batch>(model, args, Collate, Forward, evaluator, memory).Train(examples, examples[..128]);

        foreach (var (step, bytes) in memory.Readings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resident memory at step {step,5}: {bytes / 1048576.0:0.0} MiB"));
        }

        var first = memory.Readings[EvaluationInterval];
        var last = memory.Readings[Steps];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio: {last / (double)first:0.000} (flat within 5%: {Math.Abs((last / (double)first) - 1) <= 0.05})"));
        return 0;
    }

    private static JsonObject Accuracy(EvalPrediction prediction) => new()
    {
        ["accuracy"] = ClassificationScores.Accuracy(ArgMax.OfRows(prediction.Predictions), prediction.LabelIds.Data.Select(v => (int)v).ToArray()),
    };

    /// <summary>A random sequence of 10 to 50 tokens with a random label.</summary>
    private static EncodedExample Example(Random random)
    {
        int[] ids = [2, .. Enumerable.Range(0, random.Next(8, 48)).Select(_ => random.Next(10, 1000)), 3];
        return EncodedExample.WithClass(ids, new int[ids.Length], random.Next(2));
    }

    /// <summary>A batch as the collator makes it.</summary>
    private sealed class Batch(CollatedBatch collated) : ILabeledBatch
    {
        public CollatedBatch Collated => collated;

        public torch.Tensor Labels => collated.Labels;

        public int Size => (int)collated.InputIds.shape[0];

        public void Dispose()
        {
            collated.InputIds.Dispose();
            collated.AttentionMask.Dispose();
            collated.TokenTypeIds?.Dispose();
            collated.Labels.Dispose();
        }
    }

    /// <summary>Process.WorkingSet64 after a full collection, right after each evaluation.</summary>
    private sealed class MemoryProbe : ITrainerCallback
    {
        public SortedDictionary<int, long> Readings { get; } = [];

        public void OnTrainBegin(TrainingPlan plan, int exampleCount)
        {
        }

        public void OnStep(StepProgress progress)
        {
        }

        public void OnLog(TrainingLogEntry entry)
        {
        }

        public void OnEvaluate(EvaluationLogEntry entry)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            Readings[entry.Step] = process.WorkingSet64;
        }

        public void OnEarlyStop(EarlyStopEvent stop)
        {
        }

        public void OnTrainEnd(TrainOutput output)
        {
        }
    }
}
