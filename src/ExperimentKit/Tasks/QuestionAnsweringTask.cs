using ExperimentKit.Data;
using ExperimentKit.Data.QuestionAnswering;
using ExperimentKit.Data.Records;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Tasks;

/// <summary>
/// Extractive question answering (run_qa.py): question and context are tokenized as a pair, a long context as
/// overlapping windows, each labelled with the answer's start and end token ([CLS] when the answer is not inside);
/// predictions are post-processed into answer texts per question and scored with SQuAD's exact match and F1.
/// </summary>
public sealed class QuestionAnsweringTask : IExperimentTask
{
    private readonly ExperimentSpec spec;
    private readonly QuestionAnsweringTaskSpec task;

    public QuestionAnsweringTask(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec;
        task = (QuestionAnsweringTaskSpec)spec.Task;
    }

    public EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        // run_qa: max_seq_length = min(max_seq_length, tokenizer.model_max_length).
        var maxLength = Math.Min(spec.Tokenizer.MaxLength, tokenizer.ModelMaxLength);
        return QuestionAnsweringFeatures.Encode(Read(split, root), tokenizer, maxLength, task.DocStride);
    }

    public IDataCollator CreateCollator(BertTokenizer tokenizer) => DataCollatorWithPadding.For(spec, LabelCollations.Spans);

    /// <summary>The head fixes its two outputs (start, end); there are no class names to record.</summary>
    public PretrainedConfig Configure(PretrainedConfig config) => config;

    public IPredictionScorer ScorerFor(DatasetSplit split, DataRoot root) =>
        new QuestionAnsweringScorer(new Lazy<IReadOnlyList<SquadExample>>(() => Read(split, root)), task);

    /// <summary>The split's questions: SQuAD's nested JSON, or a table with id, question, context and answers {text, answer_start}.</summary>
    private IReadOnlyList<SquadExample> Read(DatasetSplit split, DataRoot root)
    {
        var dataset = spec.Dataset;
        if (dataset.Format == DataFormat.Squad)
        {
            var path = DatasetLayout.Locate(dataset, split, root);
            return [.. SplitRows.Select(SquadReader.Read(path, SplitRows.ReadLimit(dataset, split)), dataset, split)];
        }

        return [.. DatasetRecords.Read(dataset, split, root).Select(FromRecord)];
    }

    private SquadExample FromRecord(DataRecord record)
    {
        var dataset = spec.Dataset;
        var answers = record.Struct(dataset.Answers);
        var texts = answers.Strings("text");
        var starts = answers.Integers("answer_start");
        if (texts.Count != starts.Count || texts.Count == 0)
        {
            throw new DataFormatException(
                record.File, record.Position, dataset.Answers, $"answers need as many 'text' as 'answer_start' entries, at least one; got {texts.Count} and {starts.Count}.");
        }

        return new SquadExample(
            record.String("id"),
            record.OptionalString("title") ?? string.Empty,
            record.String(dataset.Context),
            record.String(dataset.Question),
            [.. texts.Zip(starts, (text, start) => new SquadAnswer(text, checked((int)start)))]);
    }
}
