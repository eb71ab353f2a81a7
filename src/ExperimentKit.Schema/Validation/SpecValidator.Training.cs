using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Validation;

/// <summary>
/// The `training:` rules (each key's own range is declared in <see cref="TrainingKeys"/>): settings that contradict each other, and settings that another
/// setting would make the trainer ignore (Hugging Face ignores them silently; we say so at build time).
/// </summary>
internal sealed partial class SpecValidator
{
    private static readonly TrainingSpec Defaults = new();

    private void ValidateTraining(TrainingSpec t)
    {
        Check(t.MaxSteps > 0 || t.NumTrainEpochs > 0, SchemaRules.OutOfRange, "training.num_train_epochs", $"'num_train_epochs' must be greater than 0, got {Text(t.NumTrainEpochs)}");
        ValidateOptimizer(t);
        ValidateIntervals(t);
        ValidateBestModel(t);
        ValidatePrecision(t);
    }

    /// <summary>
    /// fp16 and bf16 autocast the matmuls on CUDA: one of them at a time, and not on a run told to stay on the CPU (a run
    /// whose automatic device turns out to be the CPU stops at its start instead, since only then is it known).
    /// </summary>
    private void ValidatePrecision(TrainingSpec t)
    {
        Check(!(t.Fp16 && t.Bf16), SchemaRules.ConflictingSettings, "training.fp16", "set either 'fp16' or 'bf16', not both");
        foreach (var (path, on) in new[] { ("training.fp16", t.Fp16), ("training.bf16", t.Bf16) })
        {
            Check(
                !(on && t.UseCpu),
                SchemaRules.ConflictingSettings,
                path,
                $"'{Key(path)}' is mixed precision on CUDA, but use_cpu is true: set use_cpu to false (the default picks CUDA when LibTorch reports it) or drop '{Key(path)}'");
        }
    }

    private void ValidateOptimizer(TrainingSpec t)
    {
        Check(
            !(t.WarmupRatio > 0 && t.WarmupSteps > 0),
            SchemaRules.ConflictingSettings,
            "training.warmup_steps",
            $"set either 'warmup_ratio' ({Text(t.WarmupRatio)}) or 'warmup_steps' ({Text(t.WarmupSteps)}), not both");
        Check(
            t.LrSchedulerType != LrSchedulerKind.Polynomial || t.LearningRate > ResolvedTraining.PolynomialLrEnd,
            SchemaRules.ConflictingSettings,
            "training.learning_rate",
            $"lr_scheduler_type 'polynomial' decays to lr_end {Text(ResolvedTraining.PolynomialLrEnd)}, so 'learning_rate' must be above it, got {Text(t.LearningRate)}");
    }

    /// <summary>When logging, evaluation and saving happen, and the step counts that only one strategy reads.</summary>
    private void ValidateIntervals(TrainingSpec t)
    {
        // HF falls back to logging_steps, whose default (500) silently outlasts many small runs: ask for one of them.
        Check(
            t.EvalStrategy != IntervalStrategy.Steps || Written("training.eval_steps") || Written("training.logging_steps"),
            SchemaRules.ConflictingSettings,
            "training.eval_strategy",
            "eval_strategy 'steps' needs 'eval_steps' (or 'logging_steps', which it falls back to); set one of them");
        var evaluationReadsLoggingSteps = t.EvalStrategy == IntervalStrategy.Steps && t.EvalSteps is null;
        Unused("training.logging_steps", t.LoggingSteps != Defaults.LoggingSteps, t.LoggingStrategy == IntervalStrategy.Steps || evaluationReadsLoggingSteps, $"logging_strategy is '{Snake(t.LoggingStrategy)}'; it counts steps only with 'steps'");
        Unused("training.eval_steps", t.EvalSteps is not null, t.EvalStrategy == IntervalStrategy.Steps, $"eval_strategy is '{Snake(t.EvalStrategy)}'; it counts steps only with 'steps'");
        Unused("training.save_steps", t.SaveSteps != Defaults.SaveSteps, t.SaveStrategy == IntervalStrategy.Steps, $"save_strategy is '{Snake(t.SaveStrategy)}'; it counts steps only with 'steps'");
        Unused("training.save_total_limit", t.SaveTotalLimit is not null, t.SaveStrategy != IntervalStrategy.No, "save_strategy is 'no', so no checkpoint is written");
    }

    /// <summary>load_best_model_at_end, metric_for_best_model, greater_is_better and early stopping.</summary>
    private void ValidateBestModel(TrainingSpec t)
    {
        var metric = ResolvedTraining.MetricForBestModel(t);
        var evaluates = t.EvalStrategy != IntervalStrategy.No;
        if (t.LoadBestModelAtEnd)
        {
            Check(evaluates, SchemaRules.ConflictingSettings, "training.load_best_model_at_end", "load_best_model_at_end needs evaluations to pick the best model: set eval_strategy (and save_strategy to the same value)");
            Check(
                !evaluates || t.SaveStrategy == t.EvalStrategy,
                SchemaRules.ConflictingSettings,
                Written("training.save_strategy") ? "training.save_strategy" : "training.load_best_model_at_end",
                $"load_best_model_at_end needs save_strategy ('{Snake(t.SaveStrategy)}') to match eval_strategy ('{Snake(t.EvalStrategy)}'): the best model is a checkpoint saved when it was evaluated; set both to the same value");
            Check(
                t.SaveStrategy != IntervalStrategy.Steps || t.EvalStrategy != IntervalStrategy.Steps || ResolvedTraining.EvalSteps(t) <= 0 || t.SaveSteps % ResolvedTraining.EvalSteps(t) == 0,
                SchemaRules.ConflictingSettings,
                Written("training.save_steps") ? "training.save_steps" : "training.load_best_model_at_end",
                $"load_best_model_at_end needs save_steps ({Text(t.SaveSteps)}) to be a round multiple of the evaluation interval ({Text(ResolvedTraining.EvalSteps(t))}): the best model is a checkpoint saved when it was evaluated; make save_steps a multiple of it");
        }

        if (t.MetricForBestModel is { } written)
        {
            var known = spec.Metrics.SelectMany(m => MetricResultKeys.Of(m, spec.Dataset)).ToArray();
            Check(
                metric == ResolvedTraining.Loss || known.Contains(metric),
                SchemaRules.ConflictingSettings,
                "training.metric_for_best_model",
                $"metric_for_best_model '{written}' is not computed by this experiment: use 'loss' or one of its metrics ({string.Join(", ", known)})");
            Check(evaluates || t.LoadBestModelAtEnd, SchemaRules.ConflictingSettings, "training.metric_for_best_model", "metric_for_best_model needs evaluations: set eval_strategy");
        }

        Unused("training.greater_is_better", t.GreaterIsBetter is not null, metric is not null, "no metric picks a best model (set metric_for_best_model or load_best_model_at_end to use it)");
        if (t.EarlyStoppingPatience is not null)
        {
            Check(evaluates, SchemaRules.ConflictingSettings, "training.early_stopping_patience", "early_stopping_patience counts evaluations: set eval_strategy");
            Check(metric is not null, SchemaRules.ConflictingSettings, "training.early_stopping_patience", "early_stopping_patience needs a metric to watch: set metric_for_best_model (or load_best_model_at_end, which watches the loss)");
        }

        Unused("training.early_stopping_threshold", t.EarlyStoppingThreshold != Defaults.EarlyStoppingThreshold, t.EarlyStoppingPatience is not null, "early stopping is off (set early_stopping_patience to use it)");
    }

    /// <summary>
    /// A key written with a value of its own that the other settings make the trainer ignore. A written default is
    /// no finding: the run folder's config.yaml writes every default, and must parse back as it is.
    /// </summary>
    private void Unused(string path, bool notDefault, bool used, string why) =>
        Check(!Written(path) || !notDefault || used, SchemaRules.ConflictingSettings, path, $"'{Key(path)}' would be ignored: {why}; remove it");
}
