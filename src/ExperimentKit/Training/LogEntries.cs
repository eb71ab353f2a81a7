using ExperimentKit.Schema.Model;

namespace ExperimentKit.Training;

/// <summary>One optimizer step done: its loss (not averaged) and the learning rate the next step will use.</summary>
public sealed record StepProgress(int Step, int TotalSteps, double Epoch, double Loss, double LearningRate);

/// <summary>A training log event (one line of the Trainer's log_history).</summary>
public sealed record TrainingLogEntry(int Step, double Epoch, double Loss, double GradNorm, double LearningRate);

/// <summary>One metric's value, by its `evaluate` name.</summary>
public sealed record MetricValue(string Name, double Value);

/// <summary>An evaluation event: loss, metrics and timing on the evaluation split.</summary>
public sealed record EvaluationLogEntry(
    int Step,
    double Epoch,
    double Loss,
    IReadOnlyList<MetricValue> Metrics,
    double RuntimeSeconds,
    double SamplesPerSecond)
{
    public double Metric(string name) => Metrics.First(m => m.Name == name).Value;

    /// <summary>The metrics a person reads at a glance: all but seqeval's per-entity-type scores (those stay in metrics.jsonl).</summary>
    public IEnumerable<MetricValue> Headline => Metrics.Where(m => !MetricResultKeys.IsPerEntityType(m.Name));
}

/// <summary>What Trainer.train() returns: TrainOutput(global_step, training_loss, metrics).</summary>
public sealed record TrainOutput(
    int GlobalStep,
    double TrainingLoss,
    double TrainRuntimeSeconds,
    double TrainSamplesPerSecond,
    double TrainStepsPerSecond,
    double Epoch);

/// <summary>Per-epoch row of the final summary table, as the notebook's Trainer prints it.</summary>
public sealed record EpochSummary(int Epoch, double? TrainingLoss, EvaluationLogEntry Evaluation);

/// <summary>EarlyStoppingCallback ended training: the watched metric has not improved for <c>Evaluations</c> evaluations.</summary>
public sealed record EarlyStopEvent(int Step, string Metric, int Evaluations, double BestMetric, int BestStep);
