using System.Globalization;
using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Data.Records;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;

namespace ExperimentKit.Tasks;

/// <summary>
/// Multiple choice (run_swag.py): the question is paired with each choice, the pairs of one example lie end to end,
/// and the head scores each pair. Examples may have different numbers of choices (ARC-Easy has 3 to 5): the collator
/// pads the missing ones and the head masks their scores, so no row is dropped. The answer is the choice whose label
/// equals the label column (ARC's answerKey "B" or "2"), or the index it gives.
/// </summary>
public sealed class MultipleChoiceTask : IExperimentTask, IPredictionScorer
{
    private readonly ExperimentSpec spec;

    public MultipleChoiceTask(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec;
    }

    public EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var questions = DatasetRecords.Read(spec.Dataset, split, root).Select(Read).ToArray();
        var options = EncodeOptions.FromSpec(spec.Tokenizer);
        var result = new EncodedExample[questions.Length];
        Parallel.For(0, questions.Length, i =>
        {
            var pairs = questions[i].Choices.Select(choice => tokenizer.EncodeIds(questions[i].Question, choice, options)).ToArray();
            result[i] = new EncodedExample([.. pairs.SelectMany(p => p.InputIds)], [.. pairs.SelectMany(p => p.TokenTypeIds)], [questions[i].Answer])
            {
                ChoiceLengths = [.. pairs.Select(p => p.InputIds.Length)],
            };
        });
        return result;
    }

    public IDataCollator CreateCollator(BertTokenizer tokenizer) => DataCollatorForMultipleChoice.For(spec);

    /// <summary>The head scores each choice with one output; there are no class names to record.</summary>
    public PretrainedConfig Configure(PretrainedConfig config) => config;

    /// <summary>Scores alike on every split: the answer indexes are all accuracy needs.</summary>
    public IPredictionScorer ScorerFor(DatasetSplit split, DataRoot root) => this;

    /// <summary>run_swag's compute_metrics: accuracy of the arg-max choice (padding choices hold the lowest score).</summary>
    public JsonObject ComputeMetrics(EvalPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var predicted = ArgMax.OfRows(prediction.Predictions);
        var references = prediction.LabelIds.Data.Select(v => (int)v).ToArray();
        return new JsonObject { [MetricResultKeys.Name(MetricKind.Accuracy)] = ClassificationScores.Accuracy(predicted, references) };
    }

    private ChoiceQuestion Read(DataRecord record)
    {
        var dataset = spec.Dataset;
        var (texts, labels) = Choices(record, dataset.Choices);
        if (texts.Count < 2)
        {
            throw new DataFormatException(record.File, record.Position, dataset.Choices, $"a question needs at least 2 choices, this one has {texts.Count}.");
        }

        var key = record.String(dataset.Label);
        var answer = labels.IndexOf(key);
        if (answer < 0)
        {
            throw new DataFormatException(
                record.File, record.Position, dataset.Label, $"answer '{key}' is not one of this question's choice labels ({string.Join(", ", labels)}).");
        }

        return new ChoiceQuestion(record.String(dataset.Question), texts, answer);
    }

    /// <summary>
    /// The choice texts and their labels: {text: [...], label: [...]} as ARC and CommonsenseQA hold them, or a list of
    /// texts labelled 0, 1, ... (the label column then gives the answer's index). A column that is no list is read as
    /// the struct, whose error then says what the column should hold.
    /// </summary>
    private static (IReadOnlyList<string> Texts, List<string> Labels) Choices(DataRecord record, string column)
    {
        try
        {
            var texts = record.Strings(column);
            return (texts, [.. Enumerable.Range(0, texts.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))]);
        }
        catch (DataFormatException)
        {
            var choices = record.Struct(column);
            var texts = choices.Strings("text");
            var labels = choices.Strings("label");
            return labels.Count == texts.Count
                ? (texts, [.. labels])
                : throw new DataFormatException(record.File, record.Position, column, $"{texts.Count} choice texts but {labels.Count} labels.");
        }
    }

    private sealed record ChoiceQuestion(string Question, IReadOnlyList<string> Choices, int Answer);
}
