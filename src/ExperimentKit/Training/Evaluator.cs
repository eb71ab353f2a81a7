using System.Diagnostics;
using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// Runs the model over an evaluation split in order, in eval mode without gradients, and computes the loss (mean over
/// examples) and the task's metrics from an <see cref="EvalPrediction"/>. Outputs and labels move to host memory every
/// eval_accumulation_steps batches (by default every batch), so predictions never pile up on the device.
/// preprocess_logits_for_metrics, where a task gives one, shrinks each batch's logits on the device before they are
/// gathered (a masked-LM head's [batch, seq, vocab] logits become token ids).
/// </summary>
public sealed class Evaluator<TModel, TBatch>(
    TrainingSpec args,
    Func<EvalPrediction, JsonObject> computeMetrics,
    Func<IReadOnlyList<EncodedExample>, BatchPosition, TBatch> collate,
    Func<TModel, TBatch, ModelOutput> forward,
    Func<Tensor, Tensor>? preprocessLogits = null)
    where TModel : nn.Module
    where TBatch : ILabeledBatch
{
    // The Trainer's compute_loss smooths labels in evaluation too, so eval_loss and loss compare.
    private readonly TrainingLoss lossFunction = new(args.LabelSmoothingFactor);

    public EvaluationLogEntry Evaluate(TModel model, IReadOnlyList<EncodedExample> examples, int step, double epoch) =>
        EvaluateWithPredictions(model, examples, step, epoch).Entry;

    /// <summary>Trainer.predict: the evaluation and the outputs it was computed from.</summary>
    public (EvaluationLogEntry Entry, EvalPrediction Prediction) EvaluateWithPredictions(TModel model, IReadOnlyList<EncodedExample> examples, int step, double epoch)
    {
        var clock = Stopwatch.StartNew();
        var prediction = Predict(model, examples, out var loss);
        var values = MetricResults.Flatten(computeMetrics(prediction));
        var seconds = clock.Elapsed.TotalSeconds;
        return (new EvaluationLogEntry(step, epoch, loss, values, seconds, examples.Count / seconds), prediction);
    }

    /// <summary>The head's outputs and the labels on the host, and the mean loss.</summary>
    public EvalPrediction Predict(TModel model, IReadOnlyList<EncodedExample> examples, out double meanLoss)
    {
        var wasTraining = model.training;
        model.eval();
        var batchesPerMove = args.EvalAccumulationSteps ?? 1;
        using var outputs = new HostGatherer(batchesPerMove);
        using var labels = new HostGatherer(batchesPerMove);
        var lossSum = 0.0;
        using (no_grad())
        {
            for (var start = 0; start < examples.Count; start += args.PerDeviceEvalBatchSize)
            {
                using var scope = NewDisposeScope();
                // Index the batch directly: Skip over an IReadOnlyList walks from the start for every batch.
                var slice = Enumerable.Range(start, Math.Min(args.PerDeviceEvalBatchSize, examples.Count - start)).Select(i => examples[i]).ToArray();
                using var batch = collate(slice, BatchPosition.Evaluation(start / args.PerDeviceEvalBatchSize));
                using var autocast = Autocast.Enable(TrainingDevice.ComputeTypeOf(args));
                var output = forward(model, batch);
                lossSum += lossFunction.Of(output, batch.Labels).item<float>() * slice.Length;
                outputs.Add(preprocessLogits is null ? output.Logits : preprocessLogits(output.Logits));
                labels.Add(batch.Labels);
            }

            outputs.MoveToHost();
            labels.MoveToHost();
        }

        model.train(wasTraining);
        meanLoss = examples.Count == 0 ? 0 : lossSum / examples.Count;
        return new EvalPrediction(outputs.Result(ScalarType.Float32), labels.Result(ScalarType.Int64)) { Inputs = examples, Loss = meanLoss };
    }
}
