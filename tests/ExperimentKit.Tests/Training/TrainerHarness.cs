using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
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

                return new EncodedExample([2, .. ids, 3], new int[ids.Length + 2], label);
            })
            .ToArray();
    }

    /// <summary>Seeds LibTorch with args.Seed, builds the model and trains it on <paramref name="train"/>.</summary>
    public static (TrainOutput Output, RecordingCallback Events) Train(TrainingSpec args, IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample>? evaluation = null)
    {
        torch.manual_seed(args.Seed);
        using var model = new MrpcTinyModel(TinyBert.Config());
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 40);
        MrpcTinyBatch Collate(IReadOnlyList<EncodedExample> examples) => new(collator.Collate(examples));
        static SequenceClassifierOutput Forward(MrpcTinyModel model, MrpcTinyBatch batch) => model.Forward(batch);
        var evaluator = new Evaluator<MrpcTinyModel, MrpcTinyBatch>(args, [MetricKind.Accuracy], Collate, Forward);
        var events = new RecordingCallback();
        var trainer = new Trainer<MrpcTinyModel, MrpcTinyBatch>(model, args, Collate, Forward, evaluator, events);
        return (trainer.Train(train, evaluation ?? train), events);
    }
}
