using System.Globalization;
using System.Runtime.InteropServices;
using ExperimentKit.Data;
using ExperimentKit.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ExperimentKit.Runs;

/// <summary>
/// Progress on the console: a line per log and evaluation event (readable in CI logs too) and, on a terminal, a live
/// progress bar below those lines with step, epoch, loss, learning rate, samples/s and time left.
/// </summary>
public sealed class ConsoleReporter(IAnsiConsole console, TimeProvider? clock = null) : IRunReporter
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private ProgressContext? display;
    private (ProgressTask Task, TrainingPace Pace)? live;

    /// <summary>
    /// Runs <paramref name="training"/> (the trainer's Train call) under the live display on a terminal, or as it is
    /// elsewhere. Spectre's progress display lives only while its callback runs and the trainer trains on this thread,
    /// so the display wraps the whole call instead of opening in OnTrainBegin: it closes and shows the cursor again
    /// however training ends, and an exception such as <see cref="TrainingDivergedException"/> leaves here unchanged.
    /// </summary>
    public T Display<T>(Func<T> training)
    {
        // Without cursor movement Spectre falls back to printing percentages as lines; the event lines say more.
        if (console.Profile.Capabilities is not { Interactive: true, Ansi: true })
        {
            return training();
        }

        // Cleared at the end: the event lines above it are the record, as in a redirected log.
        return console.Progress()
            .AutoClear(true)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TrainingStatusColumn())
            .Start(context =>
            {
                // Ctrl+C or a kill ends the process without unwinding to Spectre's cleanup, which would leave the
                // shell's cursor hidden; the signal's default handling (ending the process) still follows.
                using var interrupted = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => console.Cursor.Show());
                using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => console.Cursor.Show());
                display = context;
                return training();
            });
    }

    public void OnTrainBegin(TrainingPlan plan, int exampleCount)
    {
        Line(new Markup(Invariant($"[bold]***** Running training *****[/]  examples {exampleCount}, epochs {plan.Epochs}, steps per epoch {plan.StepsPerEpoch}, optimization steps {plan.TotalSteps}, warmup steps {plan.WarmupSteps}")));
        if (display is not null)
        {
            live = (display.AddTask("train", maxValue: plan.TotalSteps), new TrainingPace(time.GetUtcNow(), exampleCount / (double)plan.StepsPerEpoch));
        }
    }

    public void OnStep(StepProgress progress)
    {
        if (live is (var task, var pace))
        {
            task.Tag = pace.Observe(progress, time.GetUtcNow());
            task.Value = progress.Step;
        }
    }

    public void OnLog(TrainingLogEntry entry) =>
        Line(Invariant($"step {entry.Step,5}  epoch {entry.Epoch:0.00}  loss {entry.Loss:0.0000}  grad_norm {entry.GradNorm:0.000}  learning_rate {entry.LearningRate:0.000e+00}"));

    public void OnEvaluate(EvaluationLogEntry entry) =>
        Line(Invariant($"eval  epoch {entry.Epoch:0.00}  eval_loss {entry.Loss:0.0000}  ")
            + string.Join("  ", entry.Headline.Select(m => Invariant($"eval_{m.Name} {m.Value:0.0000}")))
            + Invariant($"  ({entry.SamplesPerSecond:0} samples/s)"));

    public void OnEarlyStop(EarlyStopEvent stop) =>
        Line(Invariant($"early stopping at step {stop.Step}: {stop.Metric} has not improved for {stop.Evaluations} evaluations (best {stop.BestMetric:0.0000} at step {stop.BestStep})"));

    public void OnTrainEnd(TrainOutput output) =>
        Line(Invariant($"train_runtime {output.TrainRuntimeSeconds:0.0} s  train_samples_per_second {output.TrainSamplesPerSecond:0.0}  train_steps_per_second {output.TrainStepsPerSecond:0.00}  train_loss {output.TrainingLoss:0.0000}"));

    // Plain text, not markup: paths and messages may hold brackets.
    public void Line(string text) => Line(new Text(text));

    public void RunFolder(string path) => console.MarkupLineInterpolated($"Run folder: [blue]{path}[/]");

    public void RunEnd(IReadOnlyList<EpochSummary> epochs, string path)
    {
        console.Write(EpochTable.Render(epochs));
        console.MarkupLineInterpolated($"Run written to [blue]{path}[/]");
    }

    public void Predictions(int count, DatasetSplit split, string path) =>
        console.MarkupLineInterpolated($"Predictions for {count} {split.ToString().ToLowerInvariant()} examples written to [blue]{path}[/]");

    // While the display runs, Spectre prints what is written above its live region, as ordinary lines.
    private void Line(IRenderable line)
    {
        if (display is null)
        {
            console.Write(line);
            console.WriteLine();
        }
        else
        {
            console.Write(new LineAboveLiveDisplay(line));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
