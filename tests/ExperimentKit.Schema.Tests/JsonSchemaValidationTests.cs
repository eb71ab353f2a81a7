using System.Text.Json;
using ExperimentKit.Schema.JsonSchema;
using Json.Schema;
using Validator = Json.Schema.JsonSchema;

namespace ExperimentKit.Schema.Tests;

/// <summary>
/// The committed JSON Schema, run by a JSON Schema validator as an editor runs it: every experiment passes, and a
/// broken file fails it wherever the build fails it too (unknown keys, choices, ranges, types). What the build accepts,
/// the schema accepts.
/// </summary>
public class JsonSchemaValidationTests
{
    private static readonly Validator Schema = Validator.FromFile(RepositoryFiles.Path(ExperimentJsonSchema.RelativePath));

    public static TheoryData<string> ExperimentFiles => [.. RepositoryFiles.Experiments()
        .Concat(Directory.EnumerateFiles(RepositoryFiles.Path("tests/ExperimentKit.Generators.Tests/Fixtures/experiments"), "*.yaml"))
        .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path))];

    /// <summary>The templates the runtime's `new` command writes, one per task (src/ExperimentKit/Cli/Templates).</summary>
    public static TheoryData<string> Templates => [.. Directory.EnumerateFiles(RepositoryFiles.Path("src/ExperimentKit/Cli/Templates"), "*.yaml")
        .Order(StringComparer.Ordinal)
        .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path))];

    public static TheoryData<string, string> Broken => new()
    {
        { "an unknown top-level key", File(extra: "optimizer: adam") },
        { "an unknown training key", File(training: "{learning_rat: 0.1}") },
        { "a BERT key under model_type distilbert", File(model: "{model_type: distilbert, hidden_size: 64}") },
        { "an unknown model_type", File(model: "{model_type: roberta}") },
        { "a misspelt scheduler", File(training: "{lr_scheduler_type: cosine_annealing}") },
        { "a misspelt task", File(task: "sequence_clasification") },
        { "an option of another head", File(task: "{type: masked_lm, doc_stride: 64}") },
        { "a task mapping without type", File(task: "{num_labels: 2}") },
        { "a negative batch size", File(training: "{per_device_train_batch_size: -1}") },
        { "max_steps 0", File(training: "{max_steps: 0}") },
        { "a warmup ratio above 1", File(training: "{warmup_ratio: 1.5}") },
        { "a dropout of 1", File(model: "{hidden_dropout_prob: 1}") },
        { "a masking probability of 0", File(task: "{type: masked_lm, mlm_probability: 0}") },
        { "a negative pad token id", File(model: "{pad_token_id: -1}") },
        { "zero layers under distilbert", File(model: "{model_type: distilbert, n_layers: 0}") },
        { "text for a number", File(training: "{learning_rate: fast}") },
        { "a fraction for an integer", File(training: "{seed: 1.5}") },
        { "yes for a boolean", File(extra: "tokenizer: {do_lower_case: yes}") },
        { "a list for a section", File(training: "[learning_rate]") },
        { "an unknown dataset", File(dataset: "{name: glue/mrcp}") },
        { "a dataset by name and path", File(dataset: "{name: glue/mrpc, path: data}") },
        { "a dataset with neither name nor path", File(dataset: "{train_file: train.tsv}") },
        { "a label listed twice", File(dataset: "{path: data, train_file: train.tsv, label_names: [a, a]}") },
        { "a malformed row range", File(dataset: "{name: commonsense-qa, train_rows: 'first 10'}") },
        { "a misspelt metric", File(extra: "metrics: [acuracy]") },
        { "a metric listed twice", File(extra: "metrics: [accuracy, f1, accuracy]") },
        { "an unknown metric argument", File(extra: "metrics: [{name: f1, averaging: macro}]") },
        { "a metric mapping without name", File(extra: "metrics: [{average: macro}]") },
        { "a name that is no identifier", File(extra: "name: 1st-try") },
        { "a missing training section", "model: {}\ntask: sequence_classification\ndataset: {name: glue/mrpc}\n" },
    };

    /// <summary>Spellings the build takes that a schema could easily refuse by mistake.</summary>
    public static TheoryData<string, string> Accepted => new()
    {
        { "empty sections", "model:\ntask: sequence_classification\ndataset: {name: glue/mrpc}\ntokenizer:\ncollator:\nmetrics:\ntraining:\n" },
        { "max_steps -1", File(training: "{max_steps: -1}") },
        { "truncation true", File(extra: "tokenizer: {truncation: true}") },
        { "truncation false", File(extra: "tokenizer: {truncation: false, max_length: 64}") },
        { "a known dataset in capitals", File(dataset: "{name: GLUE/MRPC}") },
        { "a distilbert model", File(model: "{model_type: distilbert, dim: 64, n_heads: 2}") },
        { "classifier_dropout null", File(model: "{classifier_dropout: null}") },
        { "regression on sts-b", File(task: "{type: regression, problem_type: regression}", dataset: "{name: glue/sts-b}") },
        { "pos_label by name", File(extra: "metrics: [{name: f1, pos_label: equivalent}]") },
        { "row slices", File(dataset: "{name: commonsense-qa, train_rows: '[:10]', validation_rows: '1000:'}", task: "multiple_choice") },
        { "a folder of files", File(dataset: "{path: data, train_file: train.csv, text_a: text, label_names: [neg, pos]}") },
        { "max_grad_norm 0", File(training: "{max_grad_norm: 0}") },
    };

    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void Every_experiment_file_passes_the_schema(string file) =>
        AssertValid(System.IO.File.ReadAllText(RepositoryFiles.Path(file)));

    /// <summary>VS Code's YAML extension finds the schema through this comment, relative to the file.</summary>
    [Theory]
    [MemberData(nameof(ExperimentFiles))]
    public void Every_experiment_file_names_the_schema_on_its_first_line(string file)
    {
        const string Prefix = "# yaml-language-server: $schema=";
        var first = System.IO.File.ReadLines(RepositoryFiles.Path(file)).First();

        Assert.StartsWith(Prefix, first, StringComparison.Ordinal);
        var named = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryFiles.Path(file))!, first[Prefix.Length..]));
        Assert.Equal(RepositoryFiles.Path(ExperimentJsonSchema.RelativePath), named);
    }

    /// <summary>As `new` writes it: {{name}} (ExperimentTemplates.NamePlaceholder) replaced by the experiment's name.</summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_of_the_new_command_passes_the_schema_and_the_build(string file)
    {
        var yaml = System.IO.File.ReadAllText(RepositoryFiles.Path(file)).Replace("{{name}}", "my-experiment", StringComparison.Ordinal);

        AssertValid(yaml);
        Assert.Empty(ExperimentSpecParser.Parse("experiments/my-experiment.yaml", yaml).Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_fails_the_schema_and_the_build(string what, string yaml)
    {
        Assert.True(Evaluate(yaml).IsValid is false, $"the schema accepts {what}");
        Assert.True(ExperimentSpecParser.Parse("e.yaml", yaml).Spec is null, $"the build accepts {what}");
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void What_the_build_accepts_passes_the_schema(string what, string yaml)
    {
        Assert.True(ExperimentSpecParser.Parse("e.yaml", yaml).Diagnostics.Count == 0, $"the build refuses {what}");
        AssertValid(yaml);
    }

    private static string File(string model = "{}", string task = "sequence_classification", string dataset = "{name: glue/mrpc}", string training = "{}", string extra = "") =>
        $"model: {model}\ntask: {task}\ndataset: {dataset}\ntraining: {training}\n{extra}\n";

    private static void AssertValid(string yaml)
    {
        var results = Evaluate(yaml);
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(results.IsValid, "the schema refuses it: " + string.Join("; ", errors));
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var instance = JsonSerializer.SerializeToElement(YamlAsJson.Convert(yaml));
        return Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }
}
