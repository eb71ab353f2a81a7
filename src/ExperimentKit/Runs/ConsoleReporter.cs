using System.Globalization;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Runs;

/// <summary>
/// Progress on the console: a line per log and evaluation event (readable in CI logs too), and a
/// step counter between them when the output is a terminal.
/// </summary>
public sealed class ConsoleReporter(IAnsiConsole console) : ITrainerCallback
{
    private DateTime started;

    public void OnTrainBegin(TrainingPlan plan, int exampleCount)
    {
        started = DateTime.UtcNow;
        console.MarkupLine(Invariant($"[bold]***** Running training *****[/]  examples {exampleCount}, epochs {plan.Epochs}, steps per epoch {plan.StepsPerEpoch}, optimization steps {plan.TotalSteps}, warmup steps {plan.WarmupSteps}"));
    }

    public void OnStep(int step, int totalSteps, double epoch, double loss)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return;
        }

        var elapsed = DateTime.UtcNow - started;
        var eta = TimeSpan.FromSeconds(elapsed.TotalSeconds / step * (totalSteps - step));
        console.Write(Invariant($"\r  step {step}/{totalSteps}  epoch {epoch:0.00}  loss {loss:0.0000}  eta {eta:hh\\:mm\\:ss}   "));
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
