using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Tokenization;
using static TorchSharp.torch;

namespace ExperimentKit.Tasks;

/// <summary>
/// Everything that differs between heads at run time, behind one contract, so the trainer, evaluator, checkpoints,
/// resume, predict and the run folder never name a task: how a split is read and tokenized (labels aligned), how
/// examples become a batch, what the head's config records, and how its predictions are scored. The generated runner
/// creates the task its YAML declares.
/// </summary>
public interface IExperimentTask
{
    /// <summary>Reads a split and tokenizes it, with its labels in the form the task's collator reads.</summary>
    EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer);

    /// <summary>The task's data collator (padding, choices laid out, tokens masked), for the tokenizer that encoded the data.</summary>
    IDataCollator CreateCollator(BertTokenizer tokenizer);

    /// <summary>The config as the head's config.json records it: label names (id2label / label2id) and problem_type.</summary>
    PretrainedConfig Configure(PretrainedConfig config);

    /// <summary>
    /// preprocess_logits_for_metrics: what is gathered of each evaluation batch's logits, on the device; null gathers
    /// the logits themselves.
    /// </summary>
    Func<Tensor, Tensor>? PreprocessLogits => null;

    /// <summary>compute_metrics for one split's predictions; question answering maps them back to that split's texts.</summary>
    IPredictionScorer ScorerFor(DatasetSplit split, DataRoot root);
}
