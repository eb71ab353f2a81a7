using System.Text.Json.Nodes;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Training;

/// <summary>
/// trainer_state.json as the Trainer writes it (TrainerState.save_to_json): the step, the epoch, log_history, the best
/// metric and checkpoint, and EarlyStoppingCallback's patience counter under stateful_callbacks.
/// </summary>
public static class TrainerStateJson
{
    private const string EarlyStopping = "EarlyStoppingCallback";

    public static JsonObject Build(TrainingSpec args, TrainingPlan plan, int step, double epoch, IEnumerable<JsonObject> history, BestModelTracker? best, string? bestCheckpoint)
    {
        var callbacks = new JsonObject();
        if (args.EarlyStoppingPatience is { } patience)
        {
            callbacks[EarlyStopping] = new JsonObject
            {
                ["args"] = new JsonObject { ["early_stopping_patience"] = patience, ["early_stopping_threshold"] = args.EarlyStoppingThreshold },
                ["attributes"] = new JsonObject { ["early_stopping_patience_counter"] = best?.EvaluationsWithoutImprovement ?? 0 },
            };
        }

        return new JsonObject
        {
            ["best_global_step"] = best?.BestStep,
            ["best_metric"] = best?.BestMetric,
            ["best_model_checkpoint"] = bestCheckpoint,
            ["epoch"] = epoch,
            ["eval_steps"] = ResolvedTraining.EvalSteps(args),
            ["global_step"] = step,
            ["is_hyper_param_search"] = false,
            ["is_local_process_zero"] = true,
            ["is_world_process_zero"] = true,
            ["log_history"] = new JsonArray(history.Select(line => (JsonNode)line.DeepClone()).ToArray()),
            ["logging_steps"] = args.LoggingSteps,
            ["max_steps"] = plan.TotalSteps,
            ["num_input_tokens_seen"] = 0,
            ["num_train_epochs"] = plan.Epochs,
            ["save_steps"] = args.SaveSteps,
            ["stateful_callbacks"] = callbacks,
            ["total_flos"] = 0,
            ["train_batch_size"] = args.PerDeviceTrainBatchSize,
            ["trial_name"] = null,
            ["trial_params"] = null,
        };
    }

    public static int PatienceCounter(JsonObject state) =>
        (int?)state["stateful_callbacks"]?[EarlyStopping]?["attributes"]?["early_stopping_patience_counter"] ?? 0;
}
