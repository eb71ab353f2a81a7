using System.Diagnostics;
using ExperimentKit.Data;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// Runs the model over an evaluation split in order, in eval mode without gradients, and computes the
/// loss (mean over examples) and the requested metrics. Logits move to host memory every eval_accumulation_steps
/// batches (by default every batch), so predictions never pile up on the device.
/// </summary>
public sealed class Evaluator<TModel, TBatch>(
    TrainingSpec args,
    IReadOnlyList<MetricKind> metrics,
    Func<IReadOnlyList<EncodedExample>, TBatch> collate,
    Func<TModel, TBatch, SequenceClassifierOutput> forward)
    where TModel : nn.Module
    where TBatch : ILabeledBatch
{
    // The Trainer's compute_loss smooths labels in evaluation too, so eval_loss and loss compare.
    private readonly TrainingLoss lossFunction = new(args.LabelSmoothingFactor);

    public EvaluationLogEntry Evaluate(TModel model, IReadOnlyList<EncodedExample> examples, int step, double epoch) =>
        EvaluateWithPredictions(model, examples, step, epoch).Entry;

    /// <summary>Trainer.predict: the evaluation and the logits it was computed from.</summary>
    public (EvaluationLogEntry Entry, Predictions Predictions) EvaluateWithPredictions(TModel model, IReadOnlyList<EncodedExample> examples, int step, double epoch)
    {
        var clock = Stopwatch.StartNew();
        var predictions = Predict(model, examples, out var loss);
        var labels = examples.Select(e => e.Label).ToArray();
        var values = metrics
            .Select(metric => new MetricValue(MetricNames.Of(metric), ClassificationMetrics.Compute(metric, predictions.PredictedLabels, labels)))
            .ToArray();
        var seconds = clock.Elapsed.TotalSeconds;
        return (new EvaluationLogEntry(step, epoch, loss, values, seconds, examples.Count / seconds), predictions);
    }

    /// <summary>Logits [N, num_labels] on the host, and the mean loss.</summary>
    public Predictions Predict(TModel model, IReadOnlyList<EncodedExample> examples, out double meanLoss)
    {
        var wasTraining = model.training;
        model.eval();
        using var logits = new HostLogits(args.EvalAccumulationSteps ?? 1);
        var lossSum = 0.0;
        using (no_grad())
        {
            for (var start = 0; start < examples.Count; start += args.PerDeviceEvalBatchSize)
            {
                StepBoundaryCollection.Collect();
                using var scope = NewDisposeScope();
                // Index the batch directly: Skip over an IReadOnlyList walks from the start for every batch.
                var slice = Enumerable.Range(start, Math.Min(args.PerDeviceEvalBatchSize, examples.Count - start)).Select(i => examples[i]).ToArray();
                using var batch = collate(slice);
                var output = forward(model, batch);
                lossSum += lossFunction.Of(output, batch.Labels).item<float>() * slice.Length;
                logits.Add(output.Logits);
            }

            logits.MoveToHost();
        }

        model.train(wasTraining);
        meanLoss = examples.Count == 0 ? 0 : lossSum / examples.Count;
        return new Predictions(logits.Rows);
    }
}

/// <summary>Per-example logits, and the arg-max label of each.</summary>
public sealed record Predictions(IReadOnlyList<float[]> Logits)
{
    public IReadOnlyList<int> PredictedLabels { get; } = Logits.Select(ArgMax).ToArray();

    private static int ArgMax(float[] row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }
}
