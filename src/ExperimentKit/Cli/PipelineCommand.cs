using System.CommandLine;
using System.Globalization;
using ExperimentKit.Pipelines;
using Spectre.Console;
using TorchSharp;

namespace ExperimentKit.Cli;

/// <summary>
/// `pipeline &lt;task&gt; --model &lt;folder | hub id&gt; [texts…]`: transformers' pipeline() from the shell. Texts come from the
/// arguments, --file or standard input (a text per line, or JSON Lines with named fields); one JSON line per input
/// goes out, in input order.
/// </summary>
internal static class PipelineCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("pipeline", "Run a model on texts as transformers' pipeline() does; JSON Lines out, one line per input.");
        var task = new Argument<string>("task") { Description = $"The task: {string.Join(", ", PipelineTasks.Names)}." };
        task.CompletionSources.Add(PipelineTasks.Names.ToArray());
        var texts = new Argument<string[]>("texts") { Description = "Texts to run (default: --file, else standard input).", Arity = ArgumentArity.ZeroOrMore };
        var model = new Option<string>("--model") { Description = "A run folder, a checkpoint folder or a hub id in the Hugging Face cache.", Required = true };
        var file = new Option<string?>("--file") { Description = "Inputs, one per line: plain text, or JSON Lines such as {\"text\": …, \"text_pair\": …} or {\"question\": …, \"context\": …}." };
        var topK = new Option<string?>("--top-k")
        {
            Description = "Results per input (text-classification: 'all' for every label; fill-mask default 5).",
            Validators = { result => { if (ParseTopK(result.GetValueOrDefault<string?>()) is null) { result.AddError("--top-k must be a positive number or 'all'"); } } },
        };
        var function = new Option<ClassificationFunction>("--function-to-apply") { Description = "text-classification: softmax, sigmoid or none (default: as the config says).", DefaultValueFactory = _ => ClassificationFunction.Default };
        var aggregation = new Option<AggregationStrategy>("--aggregation-strategy") { Description = "token-classification: none, simple, first, average or max.", DefaultValueFactory = _ => AggregationStrategy.None };
        var question = new Option<string?>("--question") { Description = "question-answering: the question for every plain-text context." };
        var docStride = new Option<int?>("--doc-stride") { Description = "question-answering: tokens each window of a long context repeats (default min(max_seq_len/2, 128))." };
        var maxAnswerLength = new Option<int>("--max-answer-len") { Description = "question-answering: the longest answer in tokens.", DefaultValueFactory = _ => QuestionAnsweringOptions.Default.MaxAnswerLength };
        var maxSeqLength = new Option<int?>("--max-seq-len") { Description = "question-answering: tokens per window (default min(model_max_length, 384))." };
        var impossible = new Option<bool>("--handle-impossible-answer") { Description = "question-answering: also offer the empty answer." };
        var labels = new Option<string?>("--candidate-labels") { Description = "zero-shot-classification: the labels, comma-separated." };
        var template = new Option<string>("--hypothesis-template") { Description = "zero-shot-classification: the hypothesis, {} standing for a label.", DefaultValueFactory = _ => ZeroShotClassificationPipeline.DefaultHypothesisTemplate };
        var multiLabel = new Option<bool>("--multi-label") { Description = "zero-shot-classification: score each label on its own." };
        var sentences = new Option<bool>("--sentence-embeddings") { Description = "feature-extraction: one pooled vector per text (the checkpoint's sentence-transformers pooling) instead of token vectors." };
        var batchSize = new Option<int>("--batch-size") { Description = "Inputs per forward pass (sorted by length, padded per batch).", DefaultValueFactory = _ => PipelineOptions.Default.BatchSize };
        var threads = SharedOptions.Threads();
        foreach (var option in new Option[] { model, file, topK, function, aggregation, question, docStride, maxAnswerLength, maxSeqLength, impossible, labels, template, multiLabel, sentences, batchSize, threads })
        {
            command.Add(option);
        }

        command.Add(task);
        command.Add(texts);
        command.SetAction(result =>
        {
            var (top, all) = ParseTopK(result.GetValue(topK))!.Value;
            var arguments = new PipelineArguments(
                top, all, result.GetValue(function), result.GetValue(aggregation), result.GetValue(question), result.GetValue(docStride),
                result.GetValue(maxAnswerLength), result.GetValue(maxSeqLength), result.GetValue(impossible),
                [.. (result.GetValue(labels) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                result.GetValue(template)!, result.GetValue(multiLabel), result.GetValue(sentences));
            return Execute(
                result.GetValue(task)!, result.GetValue(model)!, result.GetValue(texts) ?? [], result.GetValue(file), arguments,
                new PipelineOptions(result.GetValue(batchSize)), result.GetValue(threads), console);
        });
        return command;
    }

    private static int Execute(
        string task, string model, IReadOnlyList<string> texts, string? file, PipelineArguments arguments, PipelineOptions options, int? threads, IAnsiConsole console)
    {
        if (threads is { } count)
        {
            torch.set_num_threads(count);
        }

        var output = console.Profile.Out.Writer;
        try
        {
            var records = PipelineInputs.Read(texts, file, Console.In);
            if (records.Count == 0)
            {
                ErrorLine.Write(console, "no input: give texts as arguments, --file, or lines on standard input");
                return ExitCodes.BadInput;
            }

            // Loading's notes go to standard error: standard output carries only the JSON Lines.
            using var pipeline = Pipeline.Create(task, model, options with { Log = Console.Error.WriteLine });
            foreach (var result in PipelineJson.Run(pipeline, records, arguments))
            {
                output.WriteLine(result.ToJsonString());
            }

            output.Flush();
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is PipelineInputException or ArgumentException or NotSupportedException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            ErrorLine.Write(console, exception.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>--top-k N, or 'all' (transformers' top_k=None for text-classification); null for anything else.</summary>
    private static (int? TopK, bool All)? ParseTopK(string? value) => value switch
    {
        null => (null, false),
        "all" => (null, true),
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1 => (k, false),
        _ => null,
    };
}
