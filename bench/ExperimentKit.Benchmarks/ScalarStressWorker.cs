using System.Globalization;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// One process of `scalar-stress`: trains a tiny BERT until a deadline while another thread allocates and forces
/// garbage collections without pause, printing its step count as it goes. A Scalar freed by its finalizer while LibTorch
/// reads it kills this process (or throws from LibTorch), which the parent counts as a crash.
/// </summary>
/// <remarks>
/// The step is the Trainer's (forward, loss over gradient_accumulation_steps, backward, clipping, optimizer step), with no
/// gen0 collection between steps. The old path is what the runtime ran before the Scalar fix where it made the most
/// unowned Scalars: TorchSharp's AdamW (about ten per parameter per step) and the loss divided by a number; the model's
/// forward is today's in both paths, since the old one made only a few per layer.
/// </remarks>
internal static class ScalarStressWorker
{
    private const int AccumulationSteps = 1;

    public static int Run(bool oldPath, DateTime deadline)
    {
        manual_seed(1);
        // The smallest BERT: kernels take microseconds, so the managed code between a Scalar's creation and the native
        // call that reads it, where a collection must land to free it early, is a large share of each step.
        var config = new BertConfig { VocabSize = 100, HiddenSize = 8, NumHiddenLayers = 2, NumAttentionHeads = 2, IntermediateSize = 16, MaxPositionEmbeddings = 16 };
        using var model = new BertForSequenceClassification(config, numLabels: 2);
        var args = new TrainingSpec { LearningRate = 1e-4, WeightDecay = 0.01 };
        var parameters = model.parameters().ToArray();
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 16, LabelCollations.ClassIds);
        var random = new Random(1);
        var examples = Enumerable.Range(0, 256).Select(_ => Example(random)).ToArray();
        Action<Tensor> step = oldPath ? OldStep(model, args, parameters) : NewStep(model, args, parameters);

        using var stop = new CancellationTokenSource();
        var garbage = new Thread(() => AllocateAndCollect(stop.Token)) { IsBackground = true };
        garbage.Start();
        var steps = 0;
        while (DateTime.UtcNow < deadline)
        {
            using var scope = NewDisposeScope();
            var batch = collator.Collate(examples.Skip(steps * 4 % 252).Take(4).ToArray(), new BatchPosition(0, steps));
            step(model.forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds, batch.Labels).Loss!);
            if (++steps % 100 == 0)
            {
                // Progress as it goes, so a process that dies still counts the steps it made.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steps {steps}"));
            }
        }

        stop.Cancel();
        garbage.Join();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"steps {steps}"));
        return 0;
    }

    private static Action<Tensor> NewStep(BertForSequenceClassification model, TrainingSpec args, Parameter[] parameters)
    {
        var optimizer = OptimizerFactory.CreateAdamW(model, args);
        return loss =>
        {
            using var accumulation = AccumulationSteps.ToScalar();
            loss.div(accumulation).backward();
            nn.utils.clip_grad_norm_(parameters, 1.0);
            optimizer.Step();
            optimizer.ZeroGrad();
        };
    }

    private static Action<Tensor> OldStep(BertForSequenceClassification model, TrainingSpec args, Parameter[] parameters)
    {
        var optimizer = optim.AdamW(model.parameters(), args.LearningRate, args.AdamBeta1, args.AdamBeta2, args.AdamEpsilon, args.WeightDecay);
        return loss =>
        {
            (loss / AccumulationSteps).backward();
            nn.utils.clip_grad_norm_(parameters, 1.0);
            optimizer.step();
            optimizer.zero_grad();
        };
    }

    /// <summary>Short-lived arrays and a forced collection, over and over, as another busy thread of the process might.</summary>
    private static void AllocateAndCollect(CancellationToken stop)
    {
        var keep = new object[64];
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            keep[i % keep.Length] = new byte[1024 + (i % 4096)];
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }
    }

    /// <summary>A random sequence of 4 to 14 tokens with a random label.</summary>
    private static EncodedExample Example(Random random)
    {
        int[] ids = [2, .. Enumerable.Range(0, random.Next(2, 12)).Select(_ => random.Next(10, 100)), 3];
        return EncodedExample.WithClass(ids, new int[ids.Length], random.Next(2));
    }
}
