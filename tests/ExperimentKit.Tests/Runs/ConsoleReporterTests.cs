using ExperimentKit.Runs;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Tests.Runs;

public sealed class ConsoleReporterTests
{
    private const string Escape = "\u001b";
    private static readonly TrainingPlan Plan = new(BatchesPerEpoch: 4, StepsPerEpoch: 4, Epochs: 3, TotalSteps: 12, WarmupSteps: 0);
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(InteractionSupport.No)]
    [InlineData(InteractionSupport.Yes)]
    public void Output_without_ansi_is_exactly_the_event_lines(InteractionSupport interactive)
    {
        var printed = Report(interactive, AnsiSupport.No, out var result);

        Assert.Equal(42, result);
        Assert.Equal(
            """
            ***** Running training *****  examples 32, epochs 3, steps per epoch 4, optimization steps 12, warmup steps 0
            step     8  epoch 2.00  loss 0.6931  grad_norm 1.000  learning_rate 1.000e-03
            eval  epoch 2.00  eval_loss 0.5000  eval_accuracy 0.7500  eval_f1 0.8000  (640 samples/s)
            early stopping at step 8: eval_f1 has not improved for 1 evaluations (best 0.8000 at step 4)
            train_runtime 2.0 s  train_samples_per_second 16.0  train_steps_per_second 0.50  train_loss 0.6931

            """,
            printed);
    }

    [Fact]
    public void A_terminal_shows_the_step_epoch_loss_learning_rate_speed_and_time_left_of_this_process_in_a_live_display()
    {
        var printed = Report(InteractionSupport.Yes, AnsiSupport.Yes, out _);

        // Resumed at step 7 and one step in one second: 8 examples a step, 4 steps (4 s) to go.
        Assert.Contains("step 8/12  epoch 2.00  loss 0.6931  lr 1.000e-03  8.0 samples/s  eta 00:00:04", printed, StringComparison.Ordinal);
        Assert.Contains(" 66% ", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_the_event_lines_print_whole_above_the_live_display()
    {
        var printed = Report(InteractionSupport.Yes, AnsiSupport.Yes, out _);

        var log = printed.IndexOf("step     8  epoch 2.00  loss 0.6931  grad_norm 1.000  learning_rate 1.000e-03\n", StringComparison.Ordinal);
        var end = printed.IndexOf("train_runtime 2.0 s  train_samples_per_second 16.0  train_steps_per_second 0.50  train_loss 0.6931\n", StringComparison.Ordinal);
        Assert.True(log >= 0 && end > log, printed);
    }

    [Fact]
    public void On_a_terminal_each_event_line_first_erases_the_display_rows_it_may_wrap_onto()
    {
        var printed = Report(InteractionSupport.Yes, AnsiSupport.Yes, out _);

        foreach (var line in new[] { "step     8  epoch", "eval  epoch", "early stopping", "train_runtime" })
        {
            Assert.Contains($"{Escape}[J{line}", printed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_failing_training_propagates_and_gives_the_terminal_its_cursor_back()
    {
        using var output = new StringWriter();
        var reporter = new ConsoleReporter(Console(output, InteractionSupport.Yes, AnsiSupport.Yes), new ManualClock());

        Assert.Throws<TrainingDivergedException>(() => reporter.Display<int>(() =>
        {
            reporter.OnTrainBegin(Plan, exampleCount: 32);
            reporter.OnStep(new StepProgress(1, 12, 0.25, 0.6931, 1e-3));
            throw new TrainingDivergedException(2, double.NaN, 1e-3, lastCheckpoint: null);
        }));

        // The display hid the cursor when it opened; it shows it again last, with nothing drawn after it.
        var printed = output.ToString();
        Assert.StartsWith($"{Escape}[?25l", printed, StringComparison.Ordinal);
        Assert.EndsWith($"{Escape}[?25h", printed, StringComparison.Ordinal);
    }

    private static string Report(InteractionSupport interactive, AnsiSupport ansi, out int result)
    {
        using var output = new StringWriter();
        var clock = new ManualClock();
        var reporter = new ConsoleReporter(Console(output, interactive, ansi), clock);

        result = reporter.Display(() =>
        {
            reporter.OnTrainBegin(Plan, exampleCount: 32);
            clock.Now = Start.AddSeconds(1);
            reporter.OnStep(new StepProgress(8, 12, 2.0, 0.6931, 1e-3));
            reporter.OnLog(new TrainingLogEntry(8, 2.0, 0.6931, 1.0, 1e-3));
            reporter.OnEvaluate(new EvaluationLogEntry(8, 2.0, 0.5, [new MetricValue("accuracy", 0.75), new MetricValue("f1", 0.8)], 0.1, 640));
            reporter.OnEarlyStop(new EarlyStopEvent(8, "eval_f1", 1, 0.8, 4));
            reporter.OnTrainEnd(new TrainOutput(8, 0.6931, 2.0, 16.0, 0.5, 2.0));
            return 42;
        });
        return output.ToString();
    }

    private static IAnsiConsole Console(StringWriter output, InteractionSupport interactive, AnsiSupport ansi)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = interactive, Ansi = ansi, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        return console;
    }

    /// <summary>A clock that stands still at <see cref="Now"/>, so speed and time left are exact.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
