using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;

namespace ExperimentKit.Tasks;

/// <summary>
/// A label per word (run_ner.py): CoNLL sentences are tokenized as pre-split words, each word's tag goes on its first
/// sub-token (or all of them with label_all_tokens) and -100 elsewhere, and predictions are scored with seqeval on the
/// positions that carry a label.
/// </summary>
public sealed class TokenClassificationTask : IExperimentTask, IPredictionScorer
{
    private readonly ExperimentSpec spec;
    private readonly TokenClassificationTaskSpec task;

    public TokenClassificationTask(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec;
        task = (TokenClassificationTaskSpec)spec.Task;
    }

    public IDataCollator CreateCollator(BertTokenizer tokenizer) => DataCollatorWithPadding.For(spec, LabelCollations.PerToken);

    /// <summary>Scores alike on every split: the tags are all seqeval needs.</summary>
    public IPredictionScorer ScorerFor(DatasetSplit split, DataRoot root) => this;

    public EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var names = spec.Dataset.LabelNames;
        var sentences = Read(split, root);
        var options = EncodeOptions.FromSpec(spec.Tokenizer);
        var beginToInside = TokenLabelAlignment.BeginToInside(names);
        var result = new EncodedExample[sentences.Length];
        Parallel.For(0, sentences.Length, i =>
        {
            var encoded = tokenizer.EncodeWords(sentences[i].Tokens, options);
            var labels = TokenLabelAlignment.Align(encoded.WordIds, sentences[i].TagIds, task.LabelAllTokens, beginToInside);
            result[i] = new EncodedExample(encoded.InputIds, encoded.TokenTypeIds, labels.Select(l => (float)l).ToArray());
        });

        // A sentence none of whose words leaves a token (control characters, say) would train on nothing, silently.
        var empty = Enumerable.Range(0, result.Length).FirstOrDefault(i => result[i].Labels.All(l => l == TokenClassificationLoss.IgnoreIndex), -1);
        if (empty >= 0)
        {
            throw new DataFormatException(
                DatasetLayout.Files(spec.Dataset, split, root)[0],
                sentences[empty].Line,
                "this sentence has no word the tokenizer keeps a token of, so it has nothing to learn from; remove it or fix its words.");
        }

        return result;
    }

    /// <summary>The split's sentences: CoNLL columns, or records with a list of tokens and a list of tags.</summary>
    private TaggedSentence[] Read(DatasetSplit split, DataRoot root)
    {
        var dataset = spec.Dataset;
        if (dataset.Format != DataFormat.Conll)
        {
            return [.. TaggedRecordReader.Read(dataset, split, root)];
        }

        var path = DatasetLayout.Locate(dataset, split, root);
        return [.. SplitRows.Select(ConllReader.Read(path, dataset.TagColumn, dataset.LabelNames, SplitRows.ReadLimit(dataset, split)), dataset, split)];
    }

    public PretrainedConfig Configure(PretrainedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.WithLabelNamesCore(spec.Dataset.LabelNames);
    }

    /// <summary>run_ner's compute_metrics: argmax per token, positions labelled -100 dropped, ids to tag names, then seqeval.</summary>
    public JsonObject ComputeMetrics(EvalPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var names = spec.Dataset.LabelNames;
        var predicted = ArgMax.OfRows(prediction.Predictions);
        var labels = prediction.LabelIds;
        var predictedTags = new List<IReadOnlyList<string>>();
        var referenceTags = new List<IReadOnlyList<string>>();
        for (var row = 0; row < labels.Rows; row++)
        {
            var positions = labels.Row(row).ToArray()
                .Select((label, position) => (Label: (int)label, Position: (row * labels.RowSize) + position))
                .Where(p => p.Label != TokenClassificationLoss.IgnoreIndex)
                .ToArray();
            predictedTags.Add(positions.Select(p => names[predicted[p.Position]]).ToArray());
            referenceTags.Add(positions.Select(p => names[p.Label]).ToArray());
        }

        var result = new JsonObject();
        foreach (var metric in spec.Metrics)
        {
            foreach (var (key, value) in Seqeval.Compute(predictedTags, referenceTags, metric.Mode == SeqevalMode.Strict, metric.Scheme))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
