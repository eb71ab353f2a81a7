using System.Diagnostics;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// The Hugging Face Trainer loop for one model and batch type: AdamW with decoupled weight decay,
/// a scheduled learning rate, gradient accumulation and clipping, logging and evaluation by their
/// strategies, and early stopping on metric_for_best_model. At each step's end it logs, then evaluates,
/// as the Trainer does. Everything a step allocates lives in a dispose scope, so memory is flat.
/// </summary>
public sealed class Trainer<TModel, TBatch>(
    TModel model,
    TrainingSpec args,
    Func<IReadOnlyList<EncodedExample>, TBatch> collate,
    Func<TModel, TBatch, SequenceClassifierOutput> forward,
    Evaluator<TModel, TBatch> evaluator,
    ITrainerCallback callback)
    where TModel : nn.Module
    where TBatch : ILabeledBatch
{
    private readonly TrainingLoss trainingLoss = new(args.LabelSmoothingFactor);

    public TrainOutput Train(IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample> evaluation)
    {
        var plan = TrainingPlan.Of(args, train.Count);
        var schedule = LearningRateSchedule.For(args, plan);
        using var optimizer = OptimizerFactory.CreateAdamW(model, args);
        using var sampler = new EpochSampler(train.Count, ResolvedTraining.DataSeed(args));
        var best = BestModelTracker.For(args);
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        SetLearningRate(optimizer, schedule.Factor(0));
        callback.OnTrainBegin(plan, train.Count);

        var clock = Stopwatch.StartNew();
        var losses = new RunningLoss();
        var step = 0;
        var gradNorm = 0.0;
        var epochReached = 0.0;
        var stop = false;
        for (var epoch = 0; epoch < plan.Epochs && step < plan.TotalSteps && !stop; epoch++)
        {
            model.train();
            var order = sampler.NextPermutation();
            for (var stepInEpoch = 0; stepInEpoch < plan.StepsPerEpoch && step < plan.TotalSteps && !stop; stepInEpoch++)
            {
                var loss = OptimizerStep(optimizer, parameters, train, order, stepInEpoch, out gradNorm);
                SetLearningRate(optimizer, schedule.Factor(++step));
                losses.Add(loss);
                epochReached = epoch + ((stepInEpoch + 1) / (double)plan.StepsPerEpoch);
                callback.OnStep(step, plan.TotalSteps, epochReached, loss);

                if (args.LoggingStrategy == IntervalStrategy.Steps && step % args.LoggingSteps == 0)
                {
                    Log(step, epochReached, losses, gradNorm, optimizer);
                }

                if (args.EvalStrategy == IntervalStrategy.Steps && step % ResolvedTraining.EvalSteps(args) == 0)
                {
                    stop = Evaluate(evaluation, step, epochReached, best);
                }
            }

            if (args.LoggingStrategy == IntervalStrategy.Epoch && losses.StepsSinceLog > 0)
            {
                Log(step, epochReached, losses, gradNorm, optimizer);
            }

            if (args.EvalStrategy == IntervalStrategy.Epoch)
            {
                stop |= Evaluate(evaluation, step, epochReached, best);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var output = new TrainOutput(
            step,
            step == 0 ? 0 : losses.Total / step,
            seconds,
            train.Count * epochReached / seconds,
            step / seconds,
            epochReached);
        callback.OnTrainEnd(output);
        return output;
    }

    private void Log(int step, double epoch, RunningLoss losses, double gradNorm, AdamW optimizer) =>
        callback.OnLog(new TrainingLogEntry(step, epoch, losses.TakeMean(), gradNorm, CurrentLearningRate(optimizer)));

    /// <summary>Evaluates and reports; true when early stopping ends training here.</summary>
    private bool Evaluate(IReadOnlyList<EncodedExample> evaluation, int step, double epoch, BestModelTracker? best)
    {
        var entry = evaluator.Evaluate(model, evaluation, step, epoch);
        callback.OnEvaluate(entry);
        if (best is null)
        {
            return false;
        }

        best.Observe(entry);
        if (best.ShouldStop)
        {
            callback.OnEarlyStop(new EarlyStopEvent(step, best.MetricKey, best.EvaluationsWithoutImprovement, best.BestMetric!.Value, best.BestStep!.Value));
        }

        return best.ShouldStop;
    }

    /// <summary>One optimizer step over gradient_accumulation_steps batches; returns the mean loss.</summary>
    private double OptimizerStep(AdamW optimizer, Parameter[] parameters, IReadOnlyList<EncodedExample> train, int[] order, int stepInEpoch, out double gradNorm)
    {
        using var scope = NewDisposeScope();
        var accumulated = 0.0;
        for (var micro = 0; micro < args.GradientAccumulationSteps; micro++)
        {
            var batchIndex = (stepInEpoch * args.GradientAccumulationSteps) + micro;
            using var batch = collate(Slice(train, order, batchIndex));
            var loss = trainingLoss.Of(forward(model, batch), batch.Labels);
            (loss / args.GradientAccumulationSteps).backward();
            accumulated += loss.item<float>();
        }

        gradNorm = args.MaxGradNorm > 0 ? nn.utils.clip_grad_norm_(parameters, args.MaxGradNorm) : 0.0;
        optimizer.step();
        optimizer.zero_grad();
        return accumulated / args.GradientAccumulationSteps;
    }

    private EncodedExample[] Slice(IReadOnlyList<EncodedExample> train, int[] order, int batchIndex)
    {
        var start = batchIndex * args.PerDeviceTrainBatchSize;
        var end = Math.Min(order.Length, start + args.PerDeviceTrainBatchSize);
        return order[start..end].Select(i => train[i]).ToArray();
    }

    private void SetLearningRate(AdamW optimizer, double factor)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = args.LearningRate * factor;
        }
    }

    private static double CurrentLearningRate(AdamW optimizer) => optimizer.ParamGroups.First().LearningRate;
}
