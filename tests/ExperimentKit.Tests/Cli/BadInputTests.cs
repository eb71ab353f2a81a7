using ExperimentKit.Cli;
using ExperimentKit.Tests.EndToEnd;
using Spectre.Console;

namespace ExperimentKit.Tests.Cli;

/// <summary>
/// The program over a corpus of inputs a user gets wrong, as a new user meets them: every user-caused failure is exactly
/// one line naming the file, the line and (where one is to blame) the column, exit code 2 (bad input, as for a bad command line), and
/// no run folder left behind. Each case copies a compiled experiment with its dataset pointed at a small folder.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Runs => folder.File("runs");

    public static TheoryData<string, string, string> TsvCases => new()
    {
        { "header only", "sentence\tlabel\n", ":1: the file has a header row but no data rows; a split needs at least one example." },
        { "empty file", "", ":1: the file is empty; a split needs at least one example." },
        { "wrong width", "sentence\tlabel\ngood\t1\nno label here\n", ":3: expected 2 tab-separated fields as in the header, found 1." },
        { "unknown label", "sentence\tlabel\ngood\t1\nbad\tmaybe\n", ":3:2: label 'maybe' in column 'label' is neither a label id 0..1 nor one of not_equivalent, equivalent." },
        { "no such column", "text\tlabel\ngood\t1\n", ":1: no column 'sentence' (from dataset.text_a). Columns: 'text', 'label'." },
    };

    [Theory]
    [MemberData(nameof(TsvCases))]
    public void A_bad_tsv_file_stops_with_one_located_line_and_no_run_folder(string why, string train, string expected)
    {
        var experiment = SingleTextExperiment(train);

        var (exitCode, lines) = Run(experiment);

        Assert.True(exitCode == 2, why);
        Assert.Equal([$"error: {folder.File("data", "train.tsv")}{expected}"], lines);
        Assert.False(Directory.Exists(Runs), "no run folder is created for bad data");
    }

    public static TheoryData<string, string, string> RecordCases => new()
    {
        { "train.csv", "sentence,label\n\"good,1\n", ":2: column 'sentence': the quote that opens this field is never closed, so the rest of the file ran into it; close it, or double a quote meant as text (\"\")." },
        { "train.csv", "sentence,label\ngood,1\nbad,maybe\n", ":3: column 'label': label 'maybe' in column 'label' is neither a label id 0..1 nor one of not_equivalent, equivalent." },
        { "train.csv", "sentence,label\ngood,1\nbad\n", ":3: expected 2 comma-separated fields as in the header, found 1 (a field that holds a comma must be quoted)." },
        { "train.jsonl", "{\"sentence\": \"good\", \"label\": 1}\n{\"sentense\": \"bad\", \"label\": 0}\n", ":2: column 'sentence': no such column; did you mean 'sentense'? (the record has: sentense, label)." },
        { "train.jsonl", "{\"sentence\": \"good\", \"label\": 1}\n{\"sentence\": \"bad\", \"label\": 0\n", ":2: malformed JSON at byte 31 of the line: '0' is an invalid end of a number. Expected a delimiter." },
    };

    [Theory]
    [MemberData(nameof(RecordCases))]
    public void A_bad_record_stops_with_its_file_row_and_column_and_no_run_folder(string file, string train, string expected)
    {
        Directory.CreateDirectory(folder.File("data"));
        File.WriteAllText(folder.File("data", file), train);
        var experiment = Copy("mrpc-tiny.yaml", yaml => yaml.Replace(
            "  name: glue/mrpc\n  validation_file: train.tsv\n",
            $"  path: {folder.File("data")}\n  train_file: {file}\n  validation_file: {file}\n  label_names: [not_equivalent, equivalent]\n",
            StringComparison.Ordinal));

        var (exitCode, lines) = Run(experiment);

        Assert.Equal(2, exitCode);
        Assert.Equal([$"error: {folder.File("data", file)}{expected}"], lines);
        Assert.False(Directory.Exists(Runs), "no run folder is created for bad data");
    }

    [Fact]
    public void A_csv_folder_with_quoted_commas_and_class_names_trains()
    {
        Directory.CreateDirectory(folder.File("data"));
        File.WriteAllText(folder.File("data", "train.csv"), "sentence,label\n\"great, truly great\",equivalent\ndull,0\n\"a \"\"fine\"\" film\",1\n");
        var experiment = Copy("mrpc-tiny.yaml", yaml => yaml.Replace(
            "  name: glue/mrpc\n  validation_file: train.tsv\n",
            $"  path: {folder.File("data")}\n  train_file: train.csv\n  validation_file: train.csv\n  label_names: [not_equivalent, equivalent]\n",
            StringComparison.Ordinal));

        var (exitCode, lines) = Run(experiment, "--set", "training.max_steps=1");

        Assert.True(exitCode == 0, string.Join('\n', lines));
        Assert.False(Assert.Single(Directory.GetDirectories(Runs)).EndsWith(".incomplete", StringComparison.Ordinal));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_named_by_line_and_column()
    {
        var experiment = SingleTextExperiment("sentence\tlabel\ngood\t1\n");
        File.WriteAllBytes(folder.File("data", "train.tsv"), [.. "sentence\tlabel\ngood\t1\nca"u8, 0xFF, .. "e\t0\n"u8]);

        var (exitCode, lines) = Run(experiment);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(lines);
        Assert.StartsWith($"error: {folder.File("data", "train.tsv")}:3:3: ", line, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Runs));
    }

    [Fact]
    public void A_single_text_folder_needs_no_text_b_and_trains()
    {
        var experiment = SingleTextExperiment("sentence\tlabel\ngreat film\t1\ndull\t0\nfine acting\t1\nboring plot\t0\n");

        var (exitCode, lines) = Run(experiment, "--set", "training.max_steps=1");

        Assert.True(exitCode == 0, string.Join('\n', lines));
        var run = Assert.Single(Directory.GetDirectories(Runs));
        Assert.False(run.EndsWith(".incomplete", StringComparison.Ordinal), run);
    }

    public static TheoryData<string, string, string> ConllCases => new()
    {
        { "unknown tag", "EU NNP B-NP B-ORG\nrejects VBZ B-VP B-FOO\n", ":2:18: " },
        { "too few columns", "EU NNP B-NP B-ORG\nrejects VBZ\n", ":2:12: " },
        { "no sentence", "-DOCSTART- -X- -X- O\n\n", ":1: " },
        { "a sentence of nothing the tokenizer keeps", "EU NNP B-NP B-ORG\n\n\u0001 NN B-NP O\n", ":3: this sentence has no word the tokenizer keeps" },
    };

    [Theory]
    [MemberData(nameof(ConllCases))]
    public void A_bad_conll_file_stops_with_one_located_line(string why, string train, string place)
    {
        Directory.CreateDirectory(folder.File("data"));
        File.WriteAllText(folder.File("data", "train.txt"), train);
        var experiment = Copy("conll2003-ner.yaml", yaml => TinyModel(yaml)
            .Replace("  name: conll2003", $"  path: {folder.File("data")}\n  train_file: train.txt\n  validation_file: train.txt\n  label_names: [O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC]", StringComparison.Ordinal));

        var (exitCode, lines) = Run(experiment);

        Assert.True(exitCode == 2, why);
        Assert.StartsWith($"error: {folder.File("data", "train.txt")}{place}", Assert.Single(lines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Runs));
    }

    [Fact]
    public void A_regression_score_that_is_not_a_number_is_named()
    {
        Directory.CreateDirectory(folder.File("data"));
        File.WriteAllText(folder.File("data", "train.tsv"), "sentence1\tsentence2\tscore\na\tb\t4.5\nc\td\thigh\n");
        var experiment = Copy("sts-b.yaml", yaml => TinyModel(yaml)
            .Replace("  name: glue/sts-b", $"  path: {folder.File("data")}\n  train_file: train.tsv\n  validation_file: train.tsv\n  text_a: sentence1\n  text_b: sentence2\n  label: score", StringComparison.Ordinal));

        var (exitCode, lines) = Run(experiment);

        Assert.Equal(2, exitCode);
        Assert.Equal([$"error: {folder.File("data", "train.tsv")}:3:3: label column 'score' holds 'high', which is not a number; regression needs a finite number in every row."], lines);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--set")]
    public void A_bad_command_line_exits_with_2(string argument)
    {
        var (exitCode, _) = Run(ExperimentFiles.PathOf("mrpc-tiny.yaml"), argument);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void An_override_of_a_compiled_type_is_a_bad_command_line()
    {
        var (exitCode, lines) = Run(ExperimentFiles.PathOf("mrpc-tiny.yaml"), "--set", "dataset.label_names=[yes, no]");

        Assert.Equal(2, exitCode);
        Assert.Contains("--set changes dataset.label_names, which the compiled types of experiments/mrpc-tiny.yaml are built from", Assert.Single(lines), StringComparison.Ordinal);
    }

    /// <summary>mrpc-tiny pointed at a folder holding <paramref name="train"/> as a single-text TSV file.</summary>
    private string SingleTextExperiment(string train)
    {
        Directory.CreateDirectory(folder.File("data"));
        File.WriteAllText(folder.File("data", "train.tsv"), train);
        return Copy("mrpc-tiny.yaml", yaml => yaml.Replace(
            "  name: glue/mrpc\n  validation_file: train.tsv\n",
            $"  path: {folder.File("data")}\n  train_file: train.tsv\n  validation_file: train.tsv\n  label_names: [not_equivalent, equivalent]\n",
            StringComparison.Ordinal));
    }

    /// <summary>A copy of a compiled experiment (same name, so it runs through its compiled types), writing under <see cref="Runs"/>.</summary>
    private string Copy(string name, Func<string, string> edit)
    {
        var yaml = edit(File.ReadAllText(ExperimentFiles.PathOf(name)));
        var output = yaml.IndexOf("  output_dir: ", StringComparison.Ordinal);
        var end = yaml.IndexOf('\n', output);
        var file = folder.File(name);
        File.WriteAllText(file, yaml[..output] + $"  output_dir: {Runs}\n" + yaml[(end + 1)..]);
        return file;
    }

    /// <summary>A preset's pretrained checkpoint replaced by a tiny random BERT with the bert-base-uncased vocabulary.</summary>
    private static string TinyModel(string yaml) => yaml.Replace(
        "  pretrained_model_name_or_path: sentence-transformers/all-MiniLM-L6-v2",
        "  hidden_size: 32\n  num_hidden_layers: 1\n  num_attention_heads: 2\n  intermediate_size: 64",
        StringComparison.Ordinal).Replace("tokenizer:\n", "tokenizer:\n  vocab_file: models/bert-base-uncased/vocab.txt\n", StringComparison.Ordinal);

    private static (int ExitCode, string[] Lines) Run(params string[] args)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(ExperimentKit.Experiments.MrpcExperiment).Module.ModuleHandle);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        var previous = Environment.GetEnvironmentVariable("EXPERIMENTKIT_DATA_ROOT");
        Environment.SetEnvironmentVariable("EXPERIMENTKIT_DATA_ROOT", TestData.Root);
        try
        {
            var exitCode = CommandLine.Run(args, console);
            return (exitCode, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            Environment.SetEnvironmentVariable("EXPERIMENTKIT_DATA_ROOT", previous);
        }
    }
}
