using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Metrics;
using ExperimentKit.Models;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;
using static TorchSharp.torch;

namespace ExperimentKit.Tasks;

/// <summary>
/// Masked language modelling (run_mlm.py): every text is tokenized with its [CLS] ... [SEP], all are concatenated and
/// cut into block_size chunks (group_texts), and the collator masks them anew each epoch (the same way on every
/// evaluation). Scored by perplexity, exp(eval_loss), and by the accuracy of the predicted masked tokens.
/// </summary>
public sealed class MaskedLanguageModelingTask : IExperimentTask, IPredictionScorer
{
    // run_mlm's block_size default: min(1024, tokenizer.model_max_length).
    private const int DefaultBlockSizeCap = 1024;

    private readonly ExperimentSpec spec;
    private readonly MaskedLmTaskSpec task;

    public MaskedLanguageModelingTask(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        this.spec = spec;
        task = (MaskedLmTaskSpec)spec.Task;
    }

    /// <summary>preprocess_logits_for_metrics: the [batch, seq, vocab] logits shrink to the predicted token ids before gathering.</summary>
    public Func<Tensor, Tensor>? PreprocessLogits => logits => logits.argmax(-1);

    public EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var whole = new EncodeOptions(Truncation: TruncationStrategy.DoNotTruncate);
        var tokenized = MaskedLmTexts.Read(spec.Dataset, split, root)
            .AsParallel()
            .AsOrdered()
            .Select(text => tokenizer.EncodeIds(text, null, whole).InputIds);
        return [.. TextBlocks.Group(tokenized, task.BlockSize ?? Math.Min(DefaultBlockSizeCap, tokenizer.ModelMaxLength))];
    }

    public IDataCollator CreateCollator(BertTokenizer tokenizer) =>
        DataCollatorForLanguageModeling.For(spec, tokenizer, task.MlmProbability, task.WholeWordMask);

    /// <summary>The head predicts the vocabulary; there are no class names to record.</summary>
    public PretrainedConfig Configure(PretrainedConfig config) => config;

    /// <summary>Scores alike on every split: the masked tokens and the loss are all the metrics need.</summary>
    public IPredictionScorer ScorerFor(DatasetSplit split, DataRoot root) => this;

    public JsonObject ComputeMetrics(EvalPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var result = new JsonObject();
        foreach (var metric in spec.Metrics)
        {
            result[MetricResultKeys.Name(metric.Kind)] = metric.Kind == MetricKind.Perplexity
                ? Math.Exp(prediction.Loss)
                : MaskedTokenAccuracy(prediction);
        }

        return result;
    }

    /// <summary>run_mlm's compute_metrics: accuracy over the positions that were masked (labels other than -100).</summary>
    private static double MaskedTokenAccuracy(EvalPrediction prediction)
    {
        var labels = prediction.LabelIds.Data;
        var predicted = prediction.Predictions.Data;
        var masked = Enumerable.Range(0, labels.Length).Where(i => labels[i] != TokenClassificationLoss.IgnoreIndex).ToArray();
        return ClassificationScores.Accuracy([.. masked.Select(i => (int)predicted[i])], [.. masked.Select(i => (int)labels[i])]);
    }
}
