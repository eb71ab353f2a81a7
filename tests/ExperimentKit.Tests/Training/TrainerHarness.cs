using ExperimentKit.Data;
using System.Text.Json.Nodes;
using ExperimentKit.Experiments;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.Models;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Training;

/// <summary>
/// A tiny BERT (the generated mrpc-tiny model and batch types on a 100-token vocabulary) on synthetic examples whose
/// label is whether token 7 occurs: enough to drive the real Trainer loop in a fraction of a second.
/// </summary>
internal static class TrainerHarness
{
    /// <summary>32 examples in batches of 8: 4 steps an epoch, 12 in all.</summary>
    public static TrainingSpec Args { get; } = new()
    {
        NumTrainEpochs = 3,
        PerDeviceTrainBatchSize = 8,
        PerDeviceEvalBatchSize = 32,
        LearningRate = 1e-3,
    };

    public static IReadOnlyList<EncodedExample> Examples(int count, int seed = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ =>
            {
                var ids = Enumerable.Range(0, random.Next(4, 12)).Select(_ => random.Next(10, 100)).ToArray();
                var label = random.Next(2);
                if (label == 1)
                {
                    ids[random.Next(ids.Length)] = 7;
                }

                return EncodedExample.WithClass([2, .. ids, 3], new int[ids.Length + 2], label);
            })
            .ToArray();
    }

    /// <summary>compute_metrics of the harness: accuracy of the arg-max class.</summary>
    public static JsonObject Accuracy(EvalPrediction prediction) => new()
    {
        ["accuracy"] = ClassificationScores.Accuracy(ArgMax.OfRows(prediction.Predictions), prediction.LabelIds.Data.Select(v => (int)v).ToArray()),
    };

    /// <summary>
    /// Seeds LibTorch with args.Seed, builds the model and trains it on <paramref name="train"/>; with a run folder it
    /// saves checkpoints there (the model half is model.safetensors alone) and may resume from one. Every batch the
    /// Trainer or its evaluator collates is added to <paramref name="batches"/>.
    /// </summary>
    public static Trained Train(
        TrainingSpec args,
        IReadOnlyList<EncodedExample> train,
        RunFolder? run = null,
        string? resumeFrom = null,
        ITrainerCallback? also = null,
        List<IReadOnlyList<EncodedExample>>? batches = null)
    {
        torch.manual_seed(args.Seed);
        using var model = new MrpcTinyModel(TinyBert.Config());
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 40, LabelCollations.ClassIds);
        MrpcTinyBatch Collate(IReadOnlyList<EncodedExample> examples, BatchPosition position)
        {
            batches?.Add(examples);
            return new(collator.Collate(examples, position));
        }

        static SequenceClassifierOutput Forward(MrpcTinyModel model, MrpcTinyBatch batch) => model.Forward(batch);
        var evaluator = new Evaluator<MrpcTinyModel, MrpcTinyBatch>(args, Accuracy, Collate, Forward);
        var events = new RecordingCallback();
        var checkpoints = run is null ? null : new CheckpointFolders(run, path => ModelCheckpoint.SaveSafetensors(model, Path.Combine(path, "model.safetensors")), args.SaveTotalLimit);
        ITrainerCallback callback = also is null ? events : new CompositeCallback(events, also);
        var trainer = new Trainer<MrpcTinyModel, MrpcTinyBatch>(model, args, Collate, Forward, evaluator, callback, checkpoints);
        var output = trainer.Train(train, train, resumeFrom);
        return new Trained(output, events, Weights(model));
    }

    /// <summary>Every parameter and buffer as raw bytes, by name: equal only if bit-identical.</summary>
    private static Dictionary<string, byte[]> Weights(torch.nn.Module model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.contiguous().bytes.ToArray());
}

/// <summary>What a harness run leaves: the TrainOutput, every event, and the final weights' bytes.</summary>
internal sealed record Trained(TrainOutput Output, RecordingCallback Events, Dictionary<string, byte[]> Weights);
