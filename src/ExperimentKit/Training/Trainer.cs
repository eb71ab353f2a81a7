using System.Diagnostics;
using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// The Hugging Face Trainer loop for one model and batch type: AdamW with decoupled weight decay,
/// a scheduled learning rate, gradient accumulation and clipping, logging, evaluation and saving by their
/// strategies, and early stopping on metric_for_best_model. At each step's end, and again at each epoch's end, it
/// logs, then evaluates, then saves, as the Trainer does. Everything a step allocates lives in a dispose scope,
/// so memory is flat.
/// </summary>
public sealed partial class Trainer<TModel, TBatch>(
    TModel model,
    TrainingSpec args,
    Func<IReadOnlyList<EncodedExample>, BatchPosition, TBatch> collate,
    Func<TModel, TBatch, ModelOutput> forward,
    Evaluator<TModel, TBatch> evaluator,
    ITrainerCallback callback,
    ICheckpointSink? checkpoints = null)
    where TModel : nn.Module
    where TBatch : ILabeledBatch
{
    private readonly TrainingLoss trainingLoss = new(args.LabelSmoothingFactor);
    private readonly ScalarType? computeType = TrainingDevice.ComputeTypeOf(args);

    /// <summary>fp16's loss scale; null in float32 and bf16, whose range needs none.</summary>
    private GradScaler? scaler;
    private readonly List<JsonObject> history = [];
    private readonly RunningLoss losses = new();
    private BestModelTracker? best;
    private TrainingPlan plan = null!;
    private int step;
    private double epochReached;
    private double gradNorm;
    private string? bestCheckpoint;
    private string? lastCheckpoint;
    private bool started;

    /// <summary>Trains from the start, or from <paramref name="resumeFrom"/> (a checkpoint folder) exactly as if never stopped. Once per Trainer.</summary>
    public TrainOutput Train(IReadOnlyList<EncodedExample> train, IReadOnlyList<EncodedExample> evaluation, string? resumeFrom = null)
    {
        if (started)
        {
            throw new InvalidOperationException("A Trainer trains once: its state is the run's.");
        }

        started = true;
        plan = TrainingPlan.Of(args, train.Count);
        var schedule = LearningRateSchedule.For(args, plan);
        using var optimizer = OptimizerFactory.CreateAdamW(model, args);
        using var sampler = new EpochSampler(train.Count, ResolvedTraining.DataSeed(args));
        scaler = args.Fp16 ? new GradScaler() : null;
        best = BestModelTracker.For(args);
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        callback.OnTrainBegin(plan, train.Count);
        (ResumePosition Position, int[] Order)? resumed = resumeFrom is null ? null : Resume(resumeFrom, optimizer, sampler);
        SetLearningRate(optimizer, schedule.Factor(step));

        // HF's eval_on_start: a baseline at step 0, which a resumed run already has in its log.
        if (args.EvalOnStart && resumed is null)
        {
            Evaluate(evaluation);
        }

        var clock = Stopwatch.StartNew();
        var epochBefore = epochReached;
        var stepsBefore = step;
        var stop = false;
        var firstEpoch = resumed is null ? 0 : resumed.Value.Position.EpochIndex + (resumed.Value.Position.EpochEndDone ? 1 : 0);
        for (var epoch = firstEpoch; epoch < plan.Epochs && step < plan.TotalSteps && !stop; epoch++)
        {
            model.train();
            var continuing = resumed is { Position.EpochEndDone: false } && epoch == resumed.Value.Position.EpochIndex;
            var order = continuing ? resumed!.Value.Order : NextOrder(sampler, train);
            var stepInEpoch = continuing ? resumed!.Value.Position.StepInEpoch : 0;
            for (; stepInEpoch < plan.StepsPerEpoch && step < plan.TotalSteps && !stop; stepInEpoch++)
            {
                var loss = OptimizerStep(optimizer, parameters, train, order, epoch, stepInEpoch);
                SetLearningRate(optimizer, schedule.Factor(++step));
                losses.Add(loss);
                epochReached = epoch + ((stepInEpoch + 1) / (double)plan.StepsPerEpoch);
                callback.OnStep(new StepProgress(step, plan.TotalSteps, epochReached, loss, CurrentLearningRate(optimizer)));

                if (args.LoggingStrategy == IntervalStrategy.Steps && step % args.LoggingSteps == 0)
                {
                    Log(optimizer);
                }

                if (args.EvalStrategy == IntervalStrategy.Steps && step % ResolvedTraining.EvalSteps(args) == 0)
                {
                    stop = Evaluate(evaluation);
                }

                // Like DefaultFlowCallback, the 'steps' strategy also saves the last step.
                if (args.SaveStrategy == IntervalStrategy.Steps && (step % args.SaveSteps == 0 || step == plan.TotalSteps))
                {
                    Save(optimizer, sampler, order, new Position(epoch, stepInEpoch + 1, EpochEndDone: false));
                }
            }

            if (args.LoggingStrategy == IntervalStrategy.Epoch && losses.StepsSinceLog > 0)
            {
                Log(optimizer);
            }

            if (args.EvalStrategy == IntervalStrategy.Epoch)
            {
                stop |= Evaluate(evaluation);
            }

            if (args.SaveStrategy == IntervalStrategy.Epoch)
            {
                Save(optimizer, sampler, order, new Position(epoch, stepInEpoch, EpochEndDone: true));
            }
        }

        LoadBestModel();
        var seconds = clock.Elapsed.TotalSeconds;
        var output = new TrainOutput(
            step,
            step == 0 ? 0 : losses.Total / step,
            seconds,
            train.Count * (epochReached - epochBefore) / seconds,
            (step - stepsBefore) / seconds,
            epochReached);
        callback.OnTrainEnd(output);
        return output;
    }

    private void Log(AdamW optimizer)
    {
        var entry = new TrainingLogEntry(step, epochReached, losses.TakeMean(), gradNorm, CurrentLearningRate(optimizer));
        history.Add(LogHistoryJson.ToJson(entry));
        callback.OnLog(entry);
    }

    /// <summary>Evaluates and reports; true when early stopping ends training here.</summary>
    private bool Evaluate(IReadOnlyList<EncodedExample> evaluation)
    {
        var entry = evaluator.Evaluate(model, evaluation, step, epochReached);
        history.Add(LogHistoryJson.ToJson(entry));
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

    /// <summary>One optimizer step over gradient_accumulation_steps batches; returns the mean loss, which must be finite.</summary>
    private double OptimizerStep(AdamW optimizer, Parameter[] parameters, IReadOnlyList<EncodedExample> train, int[] order, int epoch, int stepInEpoch)
    {
        using var scope = NewDisposeScope();
        using var accumulationSteps = args.GradientAccumulationSteps.ToScalar();
        var accumulated = 0.0;
        for (var micro = 0; micro < args.GradientAccumulationSteps; micro++)
        {
            var batchIndex = (stepInEpoch * args.GradientAccumulationSteps) + micro;
            using var batch = collate(Slice(train, order, batchIndex), new BatchPosition(epoch, batchIndex));
            Tensor loss;
            using (Autocast.Enable(computeType))
            {
                loss = trainingLoss.Of(forward(model, batch), batch.Labels);
            }

            var share = loss.div(accumulationSteps);
            (scaler?.ScaleLoss(share) ?? share).backward();
            accumulated += loss.item<float>();
        }

        var mean = accumulated / args.GradientAccumulationSteps;
        if (!double.IsFinite(mean))
        {
            throw new TrainingDivergedException(step + 1, mean, CurrentLearningRate(optimizer), lastCheckpoint is null ? null : checkpoints!.Resolve(lastCheckpoint));
        }

        scaler?.Unscale(parameters);
        gradNorm = args.MaxGradNorm > 0 ? nn.utils.clip_grad_norm_(parameters, args.MaxGradNorm) : 0.0;
        if (scaler?.Update(GradientsFinite(parameters)) ?? true)
        {
            optimizer.Step();
        }

        optimizer.ZeroGrad();
        return mean;
    }

    /// <summary>
    /// Whether no gradient overflowed, from the norm clipping just computed (inf or NaN when any is), or without clipping
    /// from a norm clipped at infinity, which leaves the gradients as they are.
    /// </summary>
    private bool GradientsFinite(Parameter[] parameters) =>
        double.IsFinite(args.MaxGradNorm > 0 ? gradNorm : nn.utils.clip_grad_norm_(parameters, double.PositiveInfinity));

    /// <summary>The next epoch's order: the sampler's permutation, arranged by length with group_by_length (the generator advances alike either way).</summary>
    private int[] NextOrder(EpochSampler sampler, IReadOnlyList<EncodedExample> train)
    {
        var permutation = sampler.NextPermutation();
        return args.GroupByLength
            ? LengthGroupedOrder.Arrange(permutation, train.Select(e => e.Length).ToArray(), args.PerDeviceTrainBatchSize * args.GradientAccumulationSteps)
            : permutation;
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
