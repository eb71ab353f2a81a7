using System.Text.Json.Nodes;
using ExperimentKit.Cli;
using ExperimentKit.Pipelines;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>`dotnet run -- pipeline …`: JSON Lines in input order, and every mistake one error line with exit code 2.</summary>
[Collection(TorchCollection.Name)]
public sealed class PipelineCommandTests(TinyModelFolders folders) : IClassFixture<TinyModelFolders>
{
    [Fact]
    public void Texts_from_arguments_give_one_json_line_each_in_order()
    {
        var (exitCode, output) = Run("pipeline", "sentiment-analysis", "--model", folders.Sentiment, "I hate this so much!", "What a day.");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal(["label", "score"], line.Select(p => p.Key)));
        using var classifier = new TextClassificationPipeline(folders.Sentiment);
        Assert.Equal(classifier.Predict(["What a day."])[0][0].Label, (string?)lines[1]["label"]);
    }

    [Fact]
    public void A_json_lines_file_gives_named_fields_and_options_take_transformers_names()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("pairs.jsonl");
        File.WriteAllLines(file, ["{\"text\": \"This is the first sentence.\", \"text_pair\": \"This is the second one.\"}", "", "A plain line."]);

        var (exitCode, output) = Run("pipeline", "text-classification", "--model", folders.Sentiment, "--file", file, "--top-k", "all");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsArray()).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, labels => Assert.Equal(2, labels.Count));
    }

    [Fact]
    public void Question_answering_and_ner_write_transformers_keys()
    {
        var (qaExit, qa) = Run("pipeline", "question-answering", "--model", folders.QuestionAnswering, "--question", "Where is Normandy?", "Normandy is a region in France.");
        var (nerExit, ner) = Run("pipeline", "ner", "--model", folders.Ner, "--aggregation-strategy", "simple", "Jean-Luc Picard visited Paris.");

        Assert.Equal((0, 0), (qaExit, nerExit));
        Assert.Equal(["score", "start", "end", "answer"], JsonNode.Parse(qa)!.AsObject().Select(p => p.Key));
        Assert.All(JsonNode.Parse(ner)!.AsArray(), entity => Assert.Equal(["entity_group", "score", "word", "start", "end"], entity!.AsObject().Select(p => p.Key)));
    }

    [Theory]
    [InlineData("text-generation", "needs a decoder model")]
    [InlineData("summarization", "Supported tasks: text-classification, sentiment-analysis")]
    [InlineData("sentiment", "unknown task 'sentiment'")]
    public void Tasks_it_cannot_run_are_named_with_the_supported_ones(string task, string message)
    {
        var (exitCode, output) = Run("pipeline", task, "--model", folders.Sentiment, "text");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_whose_head_does_not_fit_the_task_names_both()
    {
        var (exitCode, output) = Run("pipeline", "ner", "--model", folders.Sentiment, "text");

        Assert.Equal(2, exitCode);
        Assert.Contains("holds BertForSequenceClassification, which does not fit task 'token-classification': it needs BertForTokenClassification", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_a_bad_json_line_and_a_bad_option_are_input_errors()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("bad.jsonl");
        File.WriteAllLines(file, ["{\"text\": \"ok\"}", "{\"text\": "]);

        var missing = Run("pipeline", "ner", "--model", folder.File("no-such-run"), "text");
        var badLine = Run("pipeline", "text-classification", "--model", folders.Sentiment, "--file", file);
        var badTopK = Run("pipeline", "text-classification", "--model", folders.Sentiment, "--top-k", "0", "text");
        var noQuestion = Run("pipeline", "question-answering", "--model", folders.QuestionAnswering, "A context without a question.");

        Assert.Equal([2, 2, 2, 2], new[] { missing.ExitCode, badLine.ExitCode, badTopK.ExitCode, noQuestion.ExitCode });
        Assert.Contains("Pretrained checkpoint", missing.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:2: not valid JSON", badLine.Output, StringComparison.Ordinal);
        Assert.Contains("--top-k must be a positive number or 'all'", badTopK.Output, StringComparison.Ordinal);
        Assert.Contains("argument 1: a plain line gives only 'context'", noQuestion.Output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var console = new RecordingConsole();
        var exitCode = CommandLine.Run(args, console.Console);
        return (exitCode, console.Text);
    }
}
