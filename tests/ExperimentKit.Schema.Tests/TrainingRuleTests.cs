using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Tests;

/// <summary>
/// The `training:` rules for checkpoints, the best model and early stopping, each on a broken Minimal file with the
/// exact place and message the build log shows.
/// </summary>
public class TrainingRuleTests
{
    private static string[] Findings(string yaml) => Parsed.Findings(yaml);

    private static string Minimal(string replace, string with) => Yaml.Minimal.Replace(replace, with);

    [Fact]
    public void EK0203_load_best_model_needs_evaluations()
    {
        Assert.Equal(
            ["e.yaml(5,36): error EK0203: load_best_model_at_end needs evaluations to pick the best model: set eval_strategy (and save_strategy to the same value)"],
            Findings(Minimal("training: {}", "training: {load_best_model_at_end: true}")));
    }

    [Fact]
    public void EK0203_load_best_model_needs_the_default_save_strategy_to_match()
    {
        Assert.Equal(
            ["e.yaml(5,58): error EK0203: load_best_model_at_end needs save_strategy ('steps') to match eval_strategy ('epoch'): the best model is a checkpoint saved when it was evaluated; set both to the same value"],
            Findings(Minimal("training: {}", "training: {eval_strategy: epoch, load_best_model_at_end: true}")));
    }

    [Fact]
    public void EK0203_load_best_model_stands_at_a_written_save_strategy()
    {
        Assert.Equal(
            ["e.yaml(5,49): error EK0203: load_best_model_at_end needs save_strategy ('steps') to match eval_strategy ('epoch'): the best model is a checkpoint saved when it was evaluated; set both to the same value"],
            Findings(Minimal("training: {}", "training: {eval_strategy: epoch, save_strategy: steps, load_best_model_at_end: true}")));
    }

    [Fact]
    public void EK0203_load_best_model_needs_save_steps_a_multiple_of_eval_steps()
    {
        Assert.Equal(
            ["e.yaml(5,62): error EK0203: load_best_model_at_end needs save_steps (100) to be a round multiple of the evaluation interval (30): the best model is a checkpoint saved when it was evaluated; make save_steps a multiple of it"],
            Findings(Minimal("training: {}", "training: {eval_strategy: steps, eval_steps: 30, save_steps: 100, load_best_model_at_end: true}")));
    }

    [Fact]
    public void EK0203_metric_for_best_model_must_be_computed()
    {
        Assert.Equal(
            ["e.yaml(5,57): error EK0203: metric_for_best_model 'f2' is not computed by this experiment: use 'loss' or one of its metrics (accuracy, f1)"],
            Findings(Minimal("training: {}", "training: {eval_strategy: epoch, metric_for_best_model: f2}") + "metrics: [accuracy, f1]\n"));
    }

    [Fact]
    public void EK0203_metric_for_best_model_needs_evaluations()
    {
        Assert.Equal(
            ["e.yaml(5,35): error EK0203: metric_for_best_model needs evaluations: set eval_strategy"],
            Findings(Minimal("training: {}", "training: {metric_for_best_model: loss}")));
    }

    [Fact]
    public void EK0203_greater_is_better_without_a_metric_would_be_ignored()
    {
        Assert.Equal(
            ["e.yaml(5,31): error EK0203: 'greater_is_better' would be ignored: no metric picks a best model (set metric_for_best_model or load_best_model_at_end to use it); remove it"],
            Findings(Minimal("training: {}", "training: {greater_is_better: true}")));
    }

    [Fact]
    public void EK0203_early_stopping_needs_evaluations()
    {
        Assert.Equal(
            [
                "e.yaml(5,35): error EK0203: metric_for_best_model needs evaluations: set eval_strategy",
                "e.yaml(5,66): error EK0203: early_stopping_patience counts evaluations: set eval_strategy",
            ],
            Findings(Minimal("training: {}", "training: {metric_for_best_model: loss, early_stopping_patience: 3}")));
    }

    [Fact]
    public void EK0203_early_stopping_needs_a_metric()
    {
        Assert.Equal(
            ["e.yaml(5,59): error EK0203: early_stopping_patience needs a metric to watch: set metric_for_best_model (or load_best_model_at_end, which watches the loss)"],
            Findings(Minimal("training: {}", "training: {eval_strategy: epoch, early_stopping_patience: 3}")));
    }

    [Fact]
    public void EK0203_early_stopping_threshold_without_patience_would_be_ignored()
    {
        Assert.Equal(
            ["e.yaml(5,38): error EK0203: 'early_stopping_threshold' would be ignored: early stopping is off (set early_stopping_patience to use it); remove it"],
            Findings(Minimal("training: {}", "training: {early_stopping_threshold: 0.1}")));
    }

    [Fact]
    public void EK0203_save_steps_without_save_strategy_steps_would_be_ignored()
    {
        Assert.Equal(
            ["e.yaml(5,46): error EK0203: 'save_steps' would be ignored: save_strategy is 'epoch'; it counts steps only with 'steps'; remove it"],
            Findings(Minimal("training: {}", "training: {save_strategy: epoch, save_steps: 100}")));
    }

    [Fact]
    public void EK0203_save_total_limit_without_saving_would_be_ignored()
    {
        Assert.Equal(
            ["e.yaml(5,49): error EK0203: 'save_total_limit' would be ignored: save_strategy is 'no', so no checkpoint is written; remove it"],
            Findings(Minimal("training: {}", "training: {save_strategy: no, save_total_limit: 2}")));
    }

    [Fact]
    public void EK0203_logging_steps_without_logging_strategy_steps_would_be_ignored()
    {
        Assert.Equal(
            ["e.yaml(5,52): error EK0203: 'logging_steps' would be ignored: logging_strategy is 'epoch'; it counts steps only with 'steps'; remove it"],
            Findings(Minimal("training: {}", "training: {logging_strategy: epoch, logging_steps: 10}")));
    }

    [Fact]
    public void EK0203_eval_steps_without_eval_strategy_steps_would_be_ignored()
    {
        Assert.Equal(
            ["e.yaml(5,46): error EK0203: 'eval_steps' would be ignored: eval_strategy is 'epoch'; it counts steps only with 'steps'; remove it"],
            Findings(Minimal("training: {}", "training: {eval_strategy: epoch, eval_steps: 10}")));
    }

    [Fact]
    public void EK0203_polynomial_decay_needs_a_learning_rate_above_lr_end()
    {
        Assert.Equal(
            ["e.yaml(5,58): error EK0203: lr_scheduler_type 'polynomial' decays to lr_end 1E-07, so 'learning_rate' must be above it, got 1E-08"],
            Findings(Minimal("training: {}", "training: {lr_scheduler_type: polynomial, learning_rate: 1.0e-8}")));
    }

    [Theory]
    [InlineData("training: {save_steps: 0}", "e.yaml(5,24): error EK0205: 'save_steps' must be a positive integer, got 0")]
    [InlineData("training: {save_total_limit: 0}", "e.yaml(5,30): error EK0205: 'save_total_limit' must be a positive integer, got 0")]
    [InlineData("training: {label_smoothing_factor: 1}", "e.yaml(5,36): error EK0205: 'label_smoothing_factor' must be in [0, 1), got 1")]
    public void EK0205_checkpoint_and_loss_ranges(string section, string expected) =>
        Assert.Equal([expected], Findings(Minimal("training: {}", section)));

    [Fact]
    public void EK0205_early_stopping_ranges()
    {
        Assert.Equal(
            [
                "e.yaml(5,88): error EK0205: 'early_stopping_patience' must be a positive integer, got 0",
                "e.yaml(5,117): error EK0205: 'early_stopping_threshold' must be 0 or more, got -1",
            ],
            Findings(Minimal("training: {}", "training: {eval_strategy: epoch, metric_for_best_model: loss, early_stopping_patience: 0, early_stopping_threshold: -1}")));
    }

    [Fact]
    public void Every_new_key_reads_and_the_derived_values_follow_hugging_face()
    {
        const string training = """
            training:
              eval_strategy: steps
              eval_steps: 50
              save_strategy: steps
              save_steps: 100
              save_total_limit: 2
              load_best_model_at_end: true
              metric_for_best_model: eval_f1
              early_stopping_patience: 3
              early_stopping_threshold: 0.001
              logging_strategy: epoch
              data_seed: 11
              label_smoothing_factor: 0.1
              lr_scheduler_type: cosine_with_restarts
            metrics: [accuracy, f1]

            """;
        var result = ExperimentSpecParser.Parse("e.yaml", Yaml.Minimal.Replace("training: {}\n", training));

        Assert.Empty(result.Diagnostics);
        var t = result.Spec!.Training;
        Assert.Equal(new TrainingSpec
        {
            EvalStrategy = IntervalStrategy.Steps,
            EvalSteps = 50,
            SaveStrategy = IntervalStrategy.Steps,
            SaveSteps = 100,
            SaveTotalLimit = 2,
            LoadBestModelAtEnd = true,
            MetricForBestModel = "eval_f1",
            EarlyStoppingPatience = 3,
            EarlyStoppingThreshold = 0.001,
            LoggingStrategy = IntervalStrategy.Epoch,
            DataSeed = 11,
            LabelSmoothingFactor = 0.1,
            LrSchedulerType = LrSchedulerKind.CosineWithRestarts,
        }, t);
        Assert.Equal("f1", ResolvedTraining.MetricForBestModel(t));
        Assert.True(ResolvedTraining.GreaterIsBetter(t));
        Assert.Equal(11, ResolvedTraining.DataSeed(t));
    }

    [Fact]
    public void Load_best_model_at_end_alone_watches_the_loss_where_lower_is_better()
    {
        var t = new TrainingSpec { LoadBestModelAtEnd = true };

        Assert.Equal("loss", ResolvedTraining.MetricForBestModel(t));
        Assert.False(ResolvedTraining.GreaterIsBetter(t));
        Assert.Equal(t.Seed, ResolvedTraining.DataSeed(t));
    }

    [Fact]
    public void EK0203_fp16_on_a_run_kept_on_the_cpu()
    {
        Assert.Equal(
            ["e.yaml(5,33): error EK0203: 'fp16' is mixed precision on CUDA, but use_cpu is true: set use_cpu to false (the default picks CUDA when LibTorch reports it) or drop 'fp16'"],
            Findings(Minimal("training: {}", "training: {use_cpu: true, fp16: true}")));
    }

    [Fact]
    public void EK0203_bf16_on_a_run_kept_on_the_cpu()
    {
        Assert.Equal(
            ["e.yaml(5,18): error EK0203: 'bf16' is mixed precision on CUDA, but use_cpu is true: set use_cpu to false (the default picks CUDA when LibTorch reports it) or drop 'bf16'"],
            Findings(Minimal("training: {}", "training: {bf16: true, use_cpu: true}")));
    }

    [Fact]
    public void EK0203_fp16_and_bf16_together()
    {
        Assert.Equal(
            ["e.yaml(5,18): error EK0203: set either 'fp16' or 'bf16', not both"],
            Findings(Minimal("training: {}", "training: {fp16: true, bf16: true}")));
    }

    [Fact]
    public void Device_and_precision_keys_read_as_TrainingArguments_names()
    {
        var auto = Parsed.Spec(Yaml.Minimal).Training;
        var cuda = Parsed.Spec(Minimal("training: {}", "training: {bf16: true}")).Training;
        var cpu = Parsed.Spec(Minimal("training: {}", "training: {use_cpu: true, fp16: false}")).Training;

        Assert.Equal((false, false, false), (auto.UseCpu, auto.Bf16, auto.Fp16));
        Assert.Equal((false, true, false), (cuda.UseCpu, cuda.Bf16, cuda.Fp16));
        Assert.Equal((true, false, false), (cpu.UseCpu, cpu.Bf16, cpu.Fp16));
    }
}
