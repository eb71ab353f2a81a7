using System.CommandLine;
using ExperimentKit.Cli;
using ExperimentKit.Schema;
using ExperimentKit.Schema.JsonSchema;
using ExperimentKit.Schema.Model;
using Spectre.Console;

namespace ExperimentKit.Tests.Cli;

/// <summary>
/// `new &lt;task&gt; &lt;name&gt;` as a user meets it: a file per task that the build accepts as written, and a task, a name or a
/// file that cannot work refused with one `error:` line, exit code 2 and nothing written. (That every template also
/// builds and runs is <see cref="EndToEnd.TemplateRunTests"/>; that it passes the JSON Schema, the schema tests'.)
/// </summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public static TheoryData<string> Tasks => [.. ExperimentTemplates.Tasks];

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_head_the_schema_knows_has_a_template_and_every_template_is_a_head()
    {
        Assert.Equal(TaskKeys.Type.Spellings.Order(StringComparer.Ordinal), ExperimentTemplates.EmbeddedTasks().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Each_task_writes_a_named_file_the_schema_accepts_without_findings(string task)
    {
        var (exitCode, output) = Run("new", task, "my-experiment", "--output", Output);

        Assert.True(exitCode == 0, output);
        var file = Path.Combine(Output, "my-experiment.yaml");
        Assert.Equal([file], Directory.GetFiles(Output));
        var text = File.ReadAllText(file);
        Assert.StartsWith(ExperimentTemplates.SchemaLine + "\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ExperimentTemplates.NamePlaceholder, text, StringComparison.Ordinal);
        var parsed = ExperimentSpecParser.Parse(file, text);
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal("my-experiment", parsed.Spec!.Name);
        Assert.Equal(TaskKeys.Type.Choices.Single(c => c.Spelling == task).Value, parsed.Spec.Task.Spelling);
        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", parsed.Spec.Model.PretrainedModelNameOrPath);
        Assert.Equal("runs/my-experiment", parsed.Spec.Training.OutputDir);
        Assert.Contains($"dotnet run -- {file} {NewExperiment.QuickCheck}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token-classification", "did you mean 'token_classification'? Valid tasks: ")]
    [InlineData("Regression", "did you mean 'regression'? Valid tasks: ")]
    [InlineData("ner", "valid tasks: sequence_classification, regression, token_classification, question_answering, masked_lm, multiple_choice")]
    public void An_unknown_task_is_a_usage_error_naming_the_valid_ones(string task, string expected)
    {
        var (exitCode, output) = Run("new", task, "x", "--output", Output);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: unknown task '{task}'; ", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.EndsWith("see: dotnet run -- new --help\n", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
    }

    [Theory]
    [InlineData("1st-try")]
    [InlineData("my experiment")]
    [InlineData("../escape")]
    public void A_name_the_schema_refuses_is_a_usage_error(string name)
    {
        var (exitCode, output) = Run("new", "regression", name, "--output", Output);

        Assert.Equal(2, exitCode);
        Assert.Contains("not a valid experiment name: use a letter, then letters, digits, '-' or '_'", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Output));
        Assert.False(File.Exists(folder.File("escape.yaml")));
    }

    [Fact]
    public void An_existing_file_is_kept_unless_forced()
    {
        Directory.CreateDirectory(Output);
        var file = Path.Combine(Output, "mine.yaml");
        File.WriteAllText(file, "# my own work\n");

        var (exitCode, output) = Run("new", "regression", "mine", "--output", Output);

        Assert.Equal(2, exitCode);
        Assert.Equal($"error: {file} already exists; choose another name, or add --force to overwrite it\n", output);
        Assert.Equal("# my own work\n", File.ReadAllText(file));

        var (forcedExitCode, forcedOutput) = Run("new", "regression", "mine", "--output", Output, "--force");

        Assert.True(forcedExitCode == 0, forcedOutput);
        Assert.Contains("task: regression", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFiles(Output));
    }

    [Fact]
    public void A_folder_that_cannot_be_made_is_a_usage_error_naming_the_option()
    {
        File.WriteAllText(folder.File("notes.txt"), "a file, not a folder");
        var below = folder.File("notes.txt", "experiments");

        var (exitCode, output) = Run("new", "regression", "x", "--output", below);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"error: cannot write {Path.Combine(below, "x.yaml")}: ", output, StringComparison.Ordinal);
        Assert.EndsWith("; choose a writable folder with --output\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_whose_csharp_types_another_experiment_in_the_folder_makes_is_refused()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "sts-b.yaml"), "name: sts-b\nmodel: {}\ntask: regression\ndataset: {name: glue/sts-b}\ntraining: {}\n");

        var (exitCode, output) = Run("new", "regression", "sts_b", "--output", Output);

        Assert.Equal(2, exitCode);
        Assert.Contains("'sts_b' would make the same C# types (StsBConfig, …) as experiment 'sts-b'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Output, "sts_b.yaml")));
    }

    [Fact]
    public void Under_a_repository_the_first_line_names_its_schema_from_the_folder_written_to()
    {
        Directory.CreateDirectory(folder.File("schema"));
        File.WriteAllText(folder.File(ExperimentJsonSchema.RelativePath), "{}");
        var nested = folder.File("configs", "ner");

        var (exitCode, output) = Run("new", "token_classification", "ner", "--output", nested);

        Assert.True(exitCode == 0, output);
        Assert.Equal("# yaml-language-server: $schema=../../schema/experiment.schema.json", File.ReadLines(Path.Combine(nested, "ner.yaml")).First());
        Assert.Contains("move the file there before running it", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_folder_is_experiments_in_the_current_folder()
    {
        var parsed = ProgramCommands.Create(AnsiConsole.Console).Parse(["new", "regression", "x"]);
        var output = parsed.CommandResult.Command.Options.Single(o => o.Name == "--output");

        Assert.Empty(parsed.Errors);
        Assert.Equal("experiments", parsed.GetValue((Option<string>)output));
    }

    [Fact]
    public void Tab_completion_offers_the_tasks()
    {
        var completions = ProgramCommands.Create(AnsiConsole.Console).Parse(["new", ""]).GetCompletions().Select(c => c.Label).ToArray();

        Assert.All(ExperimentTemplates.Tasks, task => Assert.Contains(task, completions));
    }

    [Fact]
    public void Help_explains_the_arguments_and_options()
    {
        var (exitCode, output) = Run("new", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("new <task> <name> [options]", output, StringComparison.Ordinal);
        Assert.Contains("--output", output, StringComparison.Ordinal);
        Assert.Contains("--force", output, StringComparison.Ordinal);
        Assert.All(ExperimentTemplates.Tasks, task => Assert.Contains(task, output, StringComparison.Ordinal));
    }

    private string Output => folder.File("experiments");

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        console.Profile.Width = 100_000;
        var exitCode = CommandLine.Run(args, console);
        return (exitCode, writer.ToString());
    }
}
