using ExperimentKit.Cli;
using ExperimentKit.Tests.EndToEnd;
using Spectre.Console;

namespace ExperimentKit.Tests.Cli;

/// <summary>The command line as a user meets it: errors name the file, the place and what would be valid.</summary>
[Collection(TorchCollection.Name)]
public sealed class CommandLineTests
{
    [Fact]
    public void The_bert_base_recipe_without_the_checkpoint_fails_fast_naming_the_cache_folder()
    {
        using var emptyCache = new TemporaryFolder();
        var previous = Environment.GetEnvironmentVariable("HF_HUB_CACHE");
        Environment.SetEnvironmentVariable("HF_HUB_CACHE", emptyCache.Path);
        try
        {
            var (exitCode, output) = Run(ExperimentFiles.PathOf("mrpc-bert-base.yaml"));

            Assert.Equal(2, exitCode);
            Assert.Contains("Pretrained checkpoint 'bert-base-uncased' not found", output, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(emptyCache.Path, "models--bert-base-uncased", "snapshots"), output, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(emptyCache.Path));
        }
        finally
        {
            Environment.SetEnvironmentVariable("HF_HUB_CACHE", previous);
        }
    }

    [Fact]
    public void A_broken_experiment_prints_located_errors_and_runs_nothing()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("broken.yaml");
        File.WriteAllText(file, "name: broken\nmodel:\n  hidden_size: 100\n  num_attention_heads: 12\ntask: sequence_classification\ndataset:\n  name: glue/mrpc\ntraining: {}\n");

        var (exitCode, output) = Run(file);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{file}(4,24): error EK0201: hidden_size (100) must be a multiple of num_attention_heads (12)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_experiment_file_is_named()
    {
        var (exitCode, output) = Run("experiments/does-not-exist.yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("experiment file not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_shows_the_compiled_experiments()
    {
        var (exitCode, output) = Run("--list");

        Assert.Equal(0, exitCode);
        Assert.Contains("experiments/mrpc.yaml", output, StringComparison.Ordinal);
        Assert.Contains("experiments/mrpc-tiny.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_dir_that_cannot_be_created_stops_the_run_before_training_naming_it()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a-file"), "not a folder");
        var file = folder.File("mrpc-tiny.yaml");
        var outputDir = Path.Combine(folder.Path, "a-file", "runs");
        File.WriteAllText(file, File.ReadAllText(ExperimentFiles.PathOf("mrpc-tiny.yaml"))
            .Replace("output_dir: runs/mrpc-tiny", $"output_dir: {outputDir}", StringComparison.Ordinal)
            .Replace("  name: glue/mrpc", $"  name: glue/mrpc\n  data_root: {TestData.Root}", StringComparison.Ordinal));

        var (exitCode, output) = Run(file);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: Cannot create output_dir '{outputDir}'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Running training", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_overrides_a_setting_for_one_run_and_the_run_folder_config_records_it()
    {
        using var output = new TemporaryFolder();

        var (exitCode, printed) = Run(ExperimentFiles.PathOf("mrpc-tiny.yaml"), "--set", "training.max_steps=3", "--set", $"training.output_dir={output.Path}");

        Assert.True(exitCode == 0, printed);
        var run = Assert.Single(Directory.GetDirectories(output.Path));
        var config = File.ReadAllText(Path.Combine(run, "config.yaml"));
        Assert.Contains("  max_steps: 3\n", config, StringComparison.Ordinal);
        Assert.Contains($"  output_dir: {output.Path}\n", config, StringComparison.Ordinal);
        Assert.Contains("optimization steps 3,", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_override_is_named_and_runs_nothing()
    {
        var (exitCode, output) = Run(ExperimentFiles.PathOf("mrpc-tiny.yaml"), "--set", "training.learning_rate=fast");

        Assert.Equal(2, exitCode);
        Assert.Contains("--set training.learning_rate=fast: error EK0102: 'learning_rate' must be a number, got 'fast'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Running training", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set")]
    [InlineData("--set", "learning_rate")]
    [InlineData("--resume", "a", "b")]
    public void Malformed_options_are_a_usage_error(params string[] options)
    {
        var (exitCode, output) = Run([ExperimentFiles.PathOf("mrpc-tiny.yaml"), .. options]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", output, StringComparison.Ordinal);
        Assert.Contains("--help", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("run")]
    [InlineData("predict")]
    [InlineData("list")]
    [InlineData("sweep")]
    [InlineData("sweep", "collect")]
    [InlineData("new")]
    public void Every_command_explains_itself_with_help(params string[] command)
    {
        var (exitCode, output) = Run([.. command, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("Options:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_is_a_usage_error()
    {
        var (exitCode, output) = Run();

        Assert.Equal(2, exitCode);
        Assert.Contains("error: name an experiment file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_of_an_experiment_without_a_sweep_section_says_how_to_add_one()
    {
        var (exitCode, output) = Run("sweep", ExperimentFiles.PathOf("mrpc-tiny.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains("has no sweep: section; add one", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_option_of_a_command_names_that_commands_help()
    {
        var (exitCode, output) = Run("sweep", ExperimentFiles.PathOf("mrpc-lr.yaml"), "--parallel", "0");

        Assert.Equal(2, exitCode);
        Assert.Equal(["error: --parallel must be at least 1", "see: dotnet run -- sweep --help"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Tab_completion_offers_the_compiled_experiments()
    {
        Run("list");
        var completions = ProgramCommands.Create(AnsiConsole.Console).Parse(["run", ""]).GetCompletions().Select(c => c.Label).ToArray();

        Assert.Contains("experiments/mrpc.yaml", completions);
        Assert.Contains("experiments/mrpc-tiny.yaml", completions);
    }

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        // Compiled experiments register themselves from their module initializer, which runs when the module does.
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(ExperimentKit.Experiments.MrpcExperiment).Module.ModuleHandle);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        console.Profile.Width = 100_000;
        var exitCode = CommandLine.Run(args, console);
        return (exitCode, writer.ToString());
    }
}
