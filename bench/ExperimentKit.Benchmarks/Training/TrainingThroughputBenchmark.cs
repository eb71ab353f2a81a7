using System.Diagnostics;
using System.Globalization;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>
/// `training`: optimizer steps of a randomly initialised BERT classifier on MRPC batches, per shape, batch size and order
/// (dynamic padding over a random order, or length-grouped as group_by_length), timed by phase: data (collation and the
/// copy to the device), forward with the loss read as the Trainer reads it, backward, and the optimizer (clipping,
/// AdamW, zeroing). The steps are batches spread evenly over one epoch's order, so their lengths are the epoch's and
/// not its first few. Results go to bench/results/ beside the previous ones, which the table compares against.
/// </summary>
internal static class TrainingThroughputBenchmark
{
    public static int Run(IReadOnlyList<string> args, string? waitPolicy)
    {
        var options = ThroughputOptions.Parse(args);
        if (options.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        var examples = MrpcTrainingSet.Load();
        var peak = MatmulPeak.FlopsPerSecond(device);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{device.type}, {get_num_threads()} threads: float32 matmul peak {peak / 1e9:0.0} GFLOP/s (best 2048² or 4096² torch.mm), OMP_WAIT_POLICY {waitPolicy ?? "unset (OpenMP's default)"}"));
        var clock = Stopwatch.StartNew();
        var configurations = options.Shapes.SelectMany(shape => options.Batches.SelectMany(batch => options.Grouped.Select(grouped => (shape, batch, grouped))));
        foreach (var (shape, batch, grouped) in configurations)
        {
            if (clock.Elapsed.TotalSeconds > options.BudgetSeconds)
            {
                Console.WriteLine($"budget of {options.BudgetSeconds} s spent: {shape.Name} batch {batch} {(grouped ? "grouped" : "dynamic")} and later not measured");
                break;
            }

            // The peak is measured again after each configuration and the best so far is the denominator: on a machine
            // whose clock and neighbours vary, one measurement can fall short of what the step's own matmuls reach.
            var row = Measure(shape, batch, grouped, options, examples, device, peak);
            peak = Math.Max(peak, MatmulPeak.FlopsPerSecond(device));
            row = row.AgainstPeak(peak / 1e9);

            // Saved one by one, so a run stopped from outside keeps what it measured.
            Console.WriteLine(ThroughputResults.Line(row));
            ThroughputResults.Save([row]);
        }

        Console.WriteLine($"full run: {ThroughputOptions.FullRun}");
        return 0;
    }

    private static ThroughputRow Measure(ModelShape shape, int batch, bool grouped, ThroughputOptions options, IReadOnlyList<EncodedExample> examples, Device device, double peak)
    {
        manual_seed(1);
        using var model = new BertForSequenceClassification(shape.Config(), numLabels: 2);
        model.to(device);
        model.train();
        using var optimizer = OptimizerFactory.CreateAdamW(model, new TrainingSpec { WeightDecay = 0.01 });
        var parameters = model.parameters().ToArray();
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: MrpcTrainingSet.MaxLength, LabelCollations.ClassIds);
        var order = EpochOrder(examples, batch, grouped);
        var batches = order.Length / batch;
        var total = options.Warmup + options.Steps;
        var (data, forward, backward, update) = (0.0, 0.0, 0.0, 0.0);
        var (realFlops, paddedFlops, realTokens, paddedTokens) = (0.0, 0.0, 0L, 0L);
        var paddedLengths = new List<int>();
        for (var step = 0; step < total; step++)
        {
            var start = step * batches / total * batch;
            var slice = order[start..(start + batch)].Select(i => examples[i]).ToArray();
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var collated = collator.Collate(slice, new BatchPosition(0, step)).To(device);
            var t1 = Lap(clock, device);
            var loss = model.forward(collated.InputIds, collated.AttentionMask, collated.TokenTypeIds, collated.Labels).Loss!;
            loss.item<float>();
            var t2 = Lap(clock, device);
            loss.backward();
            var t3 = Lap(clock, device);
            nn.utils.clip_grad_norm_(parameters, 1.0);
            optimizer.Step();
            optimizer.ZeroGrad();
            var t4 = Lap(clock, device);
            if (step < options.Warmup)
            {
                continue;
            }

            (data, forward, backward, update) = (data + t1, forward + (t2 - t1), backward + (t3 - t2), update + (t4 - t3));
            var lengths = slice.Select(e => e.Length).ToArray();
            var padded = (int)collated.InputIds.shape[1];
            realFlops += MatmulFlops.Real(shape, lengths);
            paddedFlops += MatmulFlops.Padded(shape, batch, padded);
            realTokens += lengths.Sum();
            paddedTokens += (long)batch * padded;
            paddedLengths.Add(padded);
        }

        // After the timed steps, so the replay's tensors never share memory or caches with them.
        var matmulSeconds = paddedLengths.Sum(length => MatmulReplay.Seconds(shape, batch, length, device));

        var seconds = data + forward + backward + update;
        var steps = options.Steps;
        return new ThroughputRow(
            shape.Name,
            batch,
            grouped ? "grouped" : "dynamic",
            device.type.ToString().ToLowerInvariant(),
            get_num_threads(),
            steps,
            steps * batch / seconds,
            realTokens / seconds,
            1 - (realTokens / (double)paddedTokens),
            1000 * data / steps,
            1000 * forward / steps,
            1000 * backward / steps,
            1000 * update / steps,
            1000 * seconds / steps,
            1000 * matmulSeconds / steps,
            paddedFlops / matmulSeconds / peak,
            peak / 1e9,
            paddedFlops / seconds / peak,
            realFlops / seconds / peak,
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>Seconds since the clock started, once the device has finished what was queued.</summary>
    private static double Lap(Stopwatch clock, Device device)
    {
        MatmulPeak.Synchronize(device);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>One epoch's order as the Trainer makes it (seed 42): a random permutation, length-grouped if asked.</summary>
    private static int[] EpochOrder(IReadOnlyList<EncodedExample> examples, int batch, bool grouped)
    {
        using var sampler = new EpochSampler(examples.Count, 42);
        var permutation = sampler.NextPermutation();
        return grouped ? LengthGroupedOrder.Arrange(permutation, examples.Select(e => e.Length).ToArray(), batch) : permutation;
    }
}
