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
/// a scheduled learning rate, gradient accumulation and clipping, logging every logging_steps and
/// evaluation by eval_strategy. Everything a step allocates lives in a dispose scope, so memory is flat.
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
    public TrainOutput Train(IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample> evaluation)
    {
        var plan = TrainingPlan.Of(args, train.Count);
        var schedule = new LearningRateSchedule(args.LrSchedulerType, plan.WarmupSteps, plan.TotalSteps);
        using var optimizer = OptimizerFactory.CreateAdamW(model, args);
        using var sampler = new EpochSampler(train.Count, args.Seed);
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        SetLearningRate(optimizer, schedule.Factor(0));
        callback.OnTrainBegin(plan, train.Count);

        var clock = Stopwatch.StartNew();
        var step = 0;
        var lossSinceLog = 0.0;
        var stepsSinceLog = 0;
        var lossTotal = 0.0;
        var epochReached = 0.0;
        for (var epoch = 0; epoch < plan.Epochs && step < plan.TotalSteps; epoch++)
        {
            model.train();
            var order = sampler.NextPermutation();
            for (var stepInEpoch = 0; stepInEpoch < plan.StepsPerEpoch && step < plan.TotalSteps; stepInEpoch++)
            {
                var loss = OptimizerStep(optimizer, parameters, train, order, stepInEpoch, out var gradNorm);
                SetLearningRate(optimizer, schedule.Factor(++step));
                lossSinceLog += loss;
                lossTotal += loss;
                stepsSinceLog++;
                epochReached = epoch + ((stepInEpoch + 1) / (double)plan.StepsPerEpoch);
                callback.OnStep(step, plan.TotalSteps, epochReached, loss);

                if (args.LoggingSteps > 0 && step % args.LoggingSteps == 0)
                {
                    callback.OnLog(new TrainingLogEntry(step, epochReached, lossSinceLog / stepsSinceLog, gradNorm, CurrentLearningRate(optimizer)));
                    lossSinceLog = 0;
                    stepsSinceLog = 0;
                }

                if (args.EvalStrategy == IntervalStrategy.Steps && step % (args.EvalSteps ?? args.LoggingSteps) == 0)
                {
                    callback.OnEvaluate(evaluator.Evaluate(model, evaluation, step, epochReached));
                }
            }

            if (args.EvalStrategy == IntervalStrategy.Epoch)
            {
                callback.OnEvaluate(evaluator.Evaluate(model, evaluation, step, epochReached));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var output = new TrainOutput(
            step,
            step == 0 ? 0 : lossTotal / step,
            seconds,
            train.Count * epochReached / seconds,
            step / seconds,
            epochReached);
        callback.OnTrainEnd(output);
        return output;
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
            var output = forward(model, batch);
            var loss = output.Loss ?? throw new InvalidOperationException("The model returned no loss although labels were given.");
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
