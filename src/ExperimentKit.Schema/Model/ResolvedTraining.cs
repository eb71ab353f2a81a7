using System;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The TrainingArguments values Hugging Face derives from others (in __post_init__ and its callbacks), in one place
/// so the validator at build time and the trainer at run time derive them alike.
/// </summary>
public static class ResolvedTraining
{
    public const string Loss = "loss";

    /// <summary>get_polynomial_decay_schedule_with_warmup's defaults, which the Trainer does not expose.</summary>
    public const double PolynomialLrEnd = 1e-7;

    public const double PolynomialPower = 1.0;

    /// <summary>get_cosine_with_hard_restarts_schedule_with_warmup's default.</summary>
    public const int CosineRestartCycles = 1;

    private const string EvalPrefix = "eval_";

    /// <summary>Steps between evaluations with eval_strategy 'steps': eval_steps, else logging_steps.</summary>
    public static int EvalSteps(TrainingSpec t) => t.EvalSteps ?? t.LoggingSteps;

    /// <summary>The seed of the training order: data_seed, else seed.</summary>
    public static int DataSeed(TrainingSpec t) => t.DataSeed ?? t.Seed;

    /// <summary>
    /// The metric that picks the best checkpoint and drives early stopping, without its `eval_` prefix (`loss`,
    /// `accuracy`): metric_for_best_model, else `loss` when load_best_model_at_end; null when nothing needs one.
    /// </summary>
    public static string? MetricForBestModel(TrainingSpec t)
    {
        var name = t.MetricForBestModel ?? (t.LoadBestModelAtEnd ? Loss : null);
        return name is not null && name.StartsWith(EvalPrefix, StringComparison.Ordinal) ? name.Substring(EvalPrefix.Length) : name;
    }

    /// <summary>greater_is_better, else true unless the metric's name ends in "loss".</summary>
    public static bool GreaterIsBetter(TrainingSpec t) =>
        t.GreaterIsBetter ?? !(MetricForBestModel(t)?.EndsWith(Loss, StringComparison.Ordinal) ?? true);
}
