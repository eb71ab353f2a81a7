using ExperimentKit.Runs;
using ExperimentKit.Training;
using Spectre.Console;

namespace ExperimentKit.Tests.Runs;

public sealed class ConsoleReporterTests
{
    private static readonly TrainingPlan Plan = new(BatchesPerEpoch: 4, StepsPerEpoch: 4, Epochs: 3, TotalSteps: 12, WarmupSteps: 0);

    [Fact]
    public void A_terminal_gets_a_status_line_with_step_epoch_loss_learning_rate_speed_and_time_left()
    {
        var printed = Report(InteractionSupport.Yes);

        Assert.Contains("step 2/12  epoch 0.50  loss 0.6931  lr 1.000e-03  ", printed, StringComparison.Ordinal);
        Assert.Contains(" samples/s  eta ", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_output_gets_only_whole_lines()
    {
        var printed = Report(InteractionSupport.No);

        Assert.DoesNotContain("samples/s  eta", printed, StringComparison.Ordinal);
        Assert.Contains("step     2  epoch 0.50  loss 0.6931", printed, StringComparison.Ordinal);
    }

    private static string Report(InteractionSupport interactive)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = interactive, Ansi = AnsiSupport.No });
        console.Profile.Width = 200;
        var reporter = new ConsoleReporter(console);

        reporter.OnTrainBegin(Plan, exampleCount: 32);
        reporter.OnStep(new StepProgress(2, 12, 0.5, 0.6931, 1e-3));
        reporter.OnLog(new TrainingLogEntry(2, 0.5, 0.6931, 1.0, 1e-3));
        return output.ToString();
    }
}
