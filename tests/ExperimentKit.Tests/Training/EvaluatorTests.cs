using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.Models;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Training;

/// <summary>Evaluation on the tiny generated model: logits reach the host whole and in order, however they are gathered.</summary>
[Collection(TorchCollection.Name)]
public sealed class EvaluatorTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    public void Eval_accumulation_steps_gives_the_logits_and_loss_of_moving_every_batch(int accumulation)
    {
        var examples = TrainerHarness.Examples(45);
        torch.manual_seed(4);
        using var model = new MrpcTinyModel(TinyBert.Config());
        var args = TrainerHarness.Args with { PerDeviceEvalBatchSize = 8 };

        var everyBatch = Evaluator(args).Predict(model, examples, out var everyBatchLoss);
        var accumulated = Evaluator(args with { EvalAccumulationSteps = accumulation }).Predict(model, examples, out var accumulatedLoss);

        Assert.Equal([45L, 2], accumulated.Predictions.Shape);
        Assert.Equal(everyBatch.Predictions.Data, accumulated.Predictions.Data);
        Assert.Equal(everyBatch.LabelIds.Data, accumulated.LabelIds.Data);
        Assert.Equal(everyBatchLoss, accumulatedLoss);
    }

    private static Evaluator<MrpcTinyModel, MrpcTinyBatch> Evaluator(TrainingSpec args)
    {
        var collator = new DataCollatorWithPadding(new CollatorSpec(), padTokenId: 0, maxLength: 40, LabelCollations.ClassIds);
        return new(args, TrainerHarness.Accuracy, (examples, position) => new MrpcTinyBatch(collator.Collate(examples, position)), static (model, batch) => model.Forward(batch));
    }
}
