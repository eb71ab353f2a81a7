using System.Text.Json.Nodes;

namespace ExperimentKit.Metrics;

/// <summary>
/// Precision, recall and f1 of predicted entities against true ones, as seqeval's precision_recall_fscore_support
/// computes them: an entity counts only when its type, start and end all match; undefined ratios score 0.
/// </summary>
internal sealed record EntityScores(long Correct, long Predicted, long Actual)
{
    public static EntityScores Of(IReadOnlySet<Entity> truth, IReadOnlySet<Entity> predicted) =>
        new(predicted.Count(truth.Contains), predicted.Count, truth.Count);

    public double Precision => ZeroDivision.Ratio(Correct, Predicted);

    public double Recall => ZeroDivision.Ratio(Correct, Actual);

    // From precision and recall, as seqeval does, rather than 2tp / (pred + true): the two differ in the last bit.
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>One entity type's entry of Hugging Face evaluate's seqeval result; number is the true entity count.</summary>
    public JsonObject ToJson() => new()
    {
        ["precision"] = Precision,
        ["recall"] = Recall,
        ["f1"] = F1,
        ["number"] = checked((int)Actual),
    };
}
