using ExperimentKit.Cli;
using ExperimentKit.Schema;

namespace ExperimentKit.Tests.Sweeps;

/// <summary>command.txt: the shell command that runs a run again, quoted so a POSIX shell reads back each word.</summary>
public sealed class ReproducingCommandTests
{
    [Fact]
    public void A_run_is_reproduced_by_its_file_overrides_and_threads_without_where_it_was_written()
    {
        var request = new RunRequest("experiments/mrpc.yaml", [new SettingOverride("training.learning_rate", "2e-5"), new SettingOverride("metrics", "[accuracy, f1]")], Resume: true, Checkpoint: "c", Threads: 1, RunDirectory: "runs/x");

        Assert.Equal("dotnet run -- experiments/mrpc.yaml --set training.learning_rate=2e-5 --set 'metrics=[accuracy, f1]' --threads 1", ReproducingCommand.Of(request));
    }

    [Fact]
    public void A_quote_inside_a_word_survives_the_shell()
    {
        Assert.Equal("'it'\\''s'", ReproducingCommand.Quote("it's"));
    }
}
