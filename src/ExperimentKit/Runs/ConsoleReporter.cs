using System.Globalization;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Runs;

/// <summary>
/// Progress on the console: a line per log and evaluation event (readable in CI logs too), and a
/// status line rewritten in place between them when the output is a terminal.
/// </summary>
public sealed class ConsoleReporter(IAnsiConsole console) : ITrainerCallback
{
    private DateTime started;
    private double examplesPerStep;
    private int? firstStep;

    public void OnTrainBegin(TrainingPlan plan, int exampleCount)
    {
        started = DateTime.UtcNow;
        examplesPerStep = exampleCount / (double)plan.StepsPerEpoch;
        console.MarkupLine(Invariant($"[bold]***** Running training *****[/]  examples {exampleCount}, epochs {plan.Epochs}, steps per epoch {plan.StepsPerEpoch}, optimization steps {plan.TotalSteps}, warmup steps {plan.WarmupSteps}"));
    }

    /// <summary>A status line rewritten in place: step, epoch, loss, learning rate, samples/s and time left.</summary>
    public void OnStep(StepProgress progress)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return;
        }

        // A resumed run starts counting at its checkpoint: speed and time left come from the steps this process ran.
        firstStep ??= progress.Step - 1;
        var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 1e-9);
        var stepsRun = progress.Step - firstStep.Value;
        var eta = TimeSpan.FromSeconds(seconds / stepsRun * (progress.TotalSteps - progress.Step));
        console.Write(Invariant($"\rstep {progress.Step}/{progress.TotalSteps}  epoch {progress.Epoch:0.00}  loss {progress.Loss:0.0000}  lr {progress.LearningRate:0.000e+00}  {stepsRun * examplesPerStep / seconds:0.0} samples/s  eta {eta:hh\\:mm\\:ss}   "));
    }

    public void OnLog(TrainingLogEntry entry) =>
        Line(Invariant($"step {entry.Step,5}  epoch {entry.Epoch:0.00}  loss {entry.Loss:0.0000}  grad_norm {entry.GradNorm:0.000}  learning_rate {entry.LearningRate:0.000e+00}"));

    public void OnEvaluate(EvaluationLogEntry entry) =>
        Line(Invariant($"eval  epoch {entry.Epoch:0.00}  eval_loss {entry.Loss:0.0000}  ")
            + string.Join("  ", entry.Metrics.Select(m => Invariant($"eval_{m.Name} {m.Value:0.0000}")))
            + Invariant($"  ({entry.SamplesPerSecond:0} samples/s)"));

    public void OnEarlyStop(EarlyStopEvent stop) =>
        Line(Invariant($"early stopping at step {stop.Step}: {stop.Metric} has not improved for {stop.Evaluations} evaluations (best {stop.BestMetric:0.0000} at step {stop.BestStep})"));

    public void OnTrainEnd(TrainOutput output) =>
        Line(Invariant($"train_runtime {output.TrainRuntimeSeconds:0.0} s  train_samples_per_second {output.TrainSamplesPerSecond:0.0}  train_steps_per_second {output.TrainStepsPerSecond:0.00}  train_loss {output.TrainingLoss:0.0000}"));

    private void Line(string text)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            console.Write("\r");
        }

        console.WriteLine(text);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
