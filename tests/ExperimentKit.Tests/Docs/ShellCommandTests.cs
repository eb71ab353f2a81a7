namespace ExperimentKit.Tests.Docs;

/// <summary>How a shell block becomes command lines with what each must do.</summary>
public sealed class ShellCommandTests
{
    [Fact]
    public void Comments_under_a_command_say_what_it_must_do_and_other_comments_are_only_comments()
    {
        var block = Block("""
            # a comment before anything
            dotnet run -- experiments/mrpc.yaml --set training.learning_rate=fast   # a trailing comment
            # exit code 2: error EK0102
            # prints: got 'fast'

            dotnet run -- --list
            # a plain comment
            # prints: not an expectation: a plain comment stands between
            dotnet run -- sweep experiments/mrpc-lr.yaml \
              --parallel 2
            """);

        var commands = ShellCommand.Of(block);

        Assert.Equal(3, commands.Count);
        Assert.Equal(("dotnet run -- experiments/mrpc.yaml --set training.learning_rate=fast", 2), (commands[0].Text, commands[0].ExpectedExitCode));
        Assert.Equal(["error EK0102", "got 'fast'"], commands[0].ExpectedOutput);
        Assert.Equal((0, 0), (commands[1].ExpectedExitCode, commands[1].ExpectedOutput.Count));
        Assert.Equal("dotnet run -- sweep experiments/mrpc-lr.yaml    --parallel 2", commands[2].Text);
        Assert.Equal(block.Line + 9, commands[2].Line);
    }

    [Fact]
    public void A_hash_inside_quotes_is_no_comment()
    {
        Assert.Equal("echo '# not a comment' \"a # b\" ", ShellCommand.WithoutComment("echo '# not a comment' \"a # b\" # comment"));
    }

    [Fact]
    public void A_prefix_marker_keeps_only_the_lines_it_names_from_running()
    {
        var block = Block("sbatch --array=0-3 x.sbatch\ndotnet run -- --list\n", new NotRunMarker("", "sbatch", "there is no Slurm here"));

        var commands = ShellCommand.Of(block);

        Assert.NotNull(commands[0].NotRun);
        Assert.Null(commands[1].NotRun);
    }

    [Fact]
    public void The_program_runs_for_dotnet_run_and_the_built_dll_and_other_programs_are_named()
    {
        Assert.Equal("echo x | ek pipeline ner", CommandLineRewrite.ToRunnable("echo x | dotnet run -- pipeline ner"));
        Assert.Equal("ek sweep collect s", CommandLineRewrite.ToRunnable("dotnet .sweep-bin/ExperimentKit.Cli.dll sweep collect s"));
        Assert.Equal(["A=1", "dotnet"], new[] { "A=1", CommandLineRewrite.Programs(CommandLineRewrite.ToRunnable("A=1 dotnet test x.sln")).Single() });
        Assert.Equal(["echo", "ek", "sbatch"], CommandLineRewrite.Programs("echo a | ek b && sbatch c"));
    }

    private static FencedBlock Block(string text, params BlockMarker[] markers) => new("page.md", 10, "bash", text + "\n", markers);
}
