using System.Text.Json.Nodes;
using ExperimentKit.Data;
using ExperimentKit.Models;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;

namespace ExperimentKit.Tasks;

/// <summary>
/// Everything that differs between heads at run time, behind one contract, so the trainer, evaluator, checkpoints,
/// resume, predict and the run folder never name a task: how a split is read and tokenized (labels aligned), how
/// labels are collated, what the head's config records, and which metrics its predictions are scored with.
/// The generated runner creates the task its YAML declares.
/// </summary>
public interface IExperimentTask
{
    /// <summary>Reads a split and tokenizes it, with its labels in the form <see cref="Labels"/> collates.</summary>
    EncodedExample[] Encode(DatasetSplit split, DataRoot root, BertTokenizer tokenizer);

    /// <summary>The label half of the task's data collator.</summary>
    ILabelCollation Labels { get; }

    /// <summary>The config as the head's config.json records it: label names (id2label / label2id) and problem_type.</summary>
    PretrainedConfig Configure(PretrainedConfig config);

    /// <summary>compute_metrics: the declared metrics, as `evaluate` returns them.</summary>
    JsonObject ComputeMetrics(EvalPrediction prediction);
}
