using System.Collections.Generic;
using System.Linq;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The flat names a metric's result is logged under (eval_&lt;name&gt;): its evaluate name, or for seqeval the overall
/// scores and, per entity type, run_ner's flattening of the nested result (`PER_f1`); for squad its exact_match and f1.
/// metric_for_best_model picks one.
/// </summary>
public static class MetricResultKeys
{
    public static readonly string[] SeqevalOverall = ["overall_precision", "overall_recall", "overall_f1", "overall_accuracy"];

    public static readonly string[] SeqevalPerType = ["precision", "recall", "f1", "number"];

    /// <summary>evaluate's squad returns these two, not a key named squad.</summary>
    public static readonly string[] Squad = ["exact_match", "f1"];

    public static IReadOnlyList<string> Of(MetricSpec metric, DatasetSpec dataset) => metric.Kind switch
    {
        MetricKind.Seqeval => [.. SeqevalOverall, .. EntityTypes(dataset.LabelNames).SelectMany(type => SeqevalPerType.Select(stat => type + "_" + stat))],
        MetricKind.Squad => Squad,
        _ => [Name(metric.Kind)],
    };

    /// <summary>
    /// Whether a logged key is one of seqeval's per-entity-type scores (`PER_f1`), which metrics.jsonl keeps and the
    /// console line, the epoch table and the plots leave out for the overall ones.
    /// </summary>
    public static bool IsPerEntityType(string key) =>
        !key.StartsWith("overall_", System.StringComparison.Ordinal)
        && SeqevalPerType.Any(stat => key.EndsWith("_" + stat, System.StringComparison.Ordinal));

    /// <summary>evaluate's name of a metric (and of its single result key).</summary>
    public static string Name(MetricKind kind) => kind switch
    {
        MetricKind.Accuracy => "accuracy",
        MetricKind.F1 => "f1",
        MetricKind.Precision => "precision",
        MetricKind.Recall => "recall",
        MetricKind.MatthewsCorrelation => "matthews_correlation",
        MetricKind.Pearson => "pearson",
        MetricKind.Spearmanr => "spearmanr",
        MetricKind.Mse => "mse",
        MetricKind.Squad => "squad",
        MetricKind.Perplexity => "perplexity",
        _ => "seqeval",
    };

    /// <summary>Entity types of IOB/IOBES tag names (B-PER, I-PER → PER), sorted as seqeval reports them; O is none.</summary>
    public static IReadOnlyList<string> EntityTypes(IEnumerable<string> tags) =>
        tags.Where(t => t.Length > 2 && t[1] == '-').Select(t => t.Substring(2)).Distinct().OrderBy(t => t, System.StringComparer.Ordinal).ToList();
}
