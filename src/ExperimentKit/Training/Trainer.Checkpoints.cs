using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Models;

namespace ExperimentKit.Training;

/// <summary>Saving checkpoints, resuming from one, and load_best_model_at_end.</summary>
public sealed partial class Trainer<TModel, TBatch>
{
    private const string ModelFile = "model.safetensors";

    private void Save(AdamW optimizer, EpochSampler sampler, int[] order, Position at)
    {
        if (checkpoints is null)
        {
            return;
        }

        var name = checkpoints.NameOf(step);
        if (best?.BestStep == step)
        {
            bestCheckpoint = name;
        }

        var position = new ResumePosition(at.EpochIndex, at.StepInEpoch, at.EpochEndDone, losses.SinceLog, losses.StepsSinceLog, losses.Total, gradNorm, scaler?.Scale, scaler?.GrowthTracker);
        var state = TrainerState();
        checkpoints.Save(step, folder => TrainerCheckpoint.Write(folder, optimizer, sampler, order, state, position), bestCheckpoint);
        lastCheckpoint = name;
    }

    /// <summary>
    /// Trainer.save_state: trainer_state.json of the run so far (log_history, best model and metric) into
    /// <paramref name="folder"/>, the run folder at the end of training.
    /// </summary>
    public void SaveState(string folder) => TrainerCheckpoint.WriteTrainerState(folder, TrainerState());

    /// <summary>HF's trainer_state.json of the loop as it stands: what a checkpoint and the run folder both keep.</summary>
    private JsonObject TrainerState() => TrainerStateJson.Build(args, plan, step, epochReached, history, best, bestCheckpoint);

    /// <summary>
    /// Loads the checkpoint's weights, optimizer, generators and loop state, and replays its log_history to the callbacks
    /// (what was logged after the checkpoint is dropped, since the resumed run logs it again).
    /// </summary>
    private (ResumePosition Position, int[] Order) Resume(string folder, AdamW optimizer, EpochSampler sampler)
    {
        ModelCheckpoint.LoadSafetensors(model, Path.Combine(folder, ModelFile));
        var (state, position, order) = TrainerCheckpoint.Read(folder, optimizer, sampler);
        var plannedSteps = (int)state["max_steps"]!;
        if (plannedSteps != plan.TotalSteps)
        {
            throw new InvalidDataException($"{folder} belongs to a run of {plannedSteps} steps, but this experiment plans {plan.TotalSteps}: resume with the settings the run started with.");
        }

        step = (int)state["global_step"]!;
        epochReached = (double)state["epoch"]!;
        gradNorm = position.GradNorm;
        if (scaler is not null && position.LossScale is { } scale)
        {
            scaler = new GradScaler(scale, position.LossScaleGrowthTracker ?? 0);
        }

        losses.Restore(position.LossSinceLog, position.StepsSinceLog, position.LossTotal);
        bestCheckpoint = (string?)state["best_model_checkpoint"];
        best?.Restore((double?)state["best_metric"], (int?)state["best_global_step"], TrainerStateJson.PatienceCounter(state));
        foreach (var line in state["log_history"]!.AsArray().Select(node => node!.AsObject()))
        {
            history.Add(line.DeepClone().AsObject());
            switch (LogHistoryJson.FromJson(line))
            {
                case TrainingLogEntry log:
                    callback.OnLog(log);
                    break;
                case EvaluationLogEntry evaluation:
                    callback.OnEvaluate(evaluation);
                    break;
            }
        }

        return (position, order);
    }

    /// <summary>load_best_model_at_end: the best checkpoint's weights become the final model, and its folder is copied to best/.</summary>
    private void LoadBestModel()
    {
        if (!args.LoadBestModelAtEnd || checkpoints is null || bestCheckpoint is null)
        {
            return;
        }

        ModelCheckpoint.LoadSafetensors(model, Path.Combine(checkpoints.Resolve(bestCheckpoint), ModelFile));
        checkpoints.PublishBest(bestCheckpoint);
    }

    /// <summary>Where a checkpoint is taken: the epoch, how many of its steps are done, and whether its end has run.</summary>
    private readonly record struct Position(int EpochIndex, int StepInEpoch, bool EpochEndDone);
}
