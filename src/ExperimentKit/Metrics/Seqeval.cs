using ExperimentKit.Schema.Model;
using System.Text.Json.Nodes;

namespace ExperimentKit.Metrics;

/// <summary>
/// Hugging Face evaluate's "seqeval" metric for token classification: entity-level precision / recall / f1 per
/// entity type and micro-averaged over all entities, plus token accuracy.
/// </summary>
public static class Seqeval
{
    /// <summary>
    /// evaluate's result object: for each entity type in ordinal order {"precision", "recall", "f1", "number"} (number:
    /// how many true entities the type has; types only predicted appear with 0), then "overall_precision",
    /// "overall_recall", "overall_f1" and "overall_accuracy". The default mode reads entities like conlleval (any of
    /// IOB1, IOB2, IOE, IOBES); <paramref name="strict"/> is seqeval's mode="strict" with <paramref name="scheme"/>.
    /// Empty inputs give zeros.
    /// </summary>
    public static JsonObject Compute(IReadOnlyList<IReadOnlyList<string>> predictions, IReadOnlyList<IReadOnlyList<string>> references, bool strict = false, TagScheme scheme = TagScheme.Iob2)
    {
        PairedInputs.RequireSameCount(predictions.Count, references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            if (predictions[i].Count != references[i].Count)
            {
                throw new ArgumentException($"Sentence {i} has {predictions[i].Count} predicted tags for {references[i].Count} reference tags.");
            }
        }

        var truth = EntitiesOf(references, strict, scheme);
        var predicted = EntitiesOf(predictions, strict, scheme);
        var result = new JsonObject();
        foreach (var type in truth.Concat(predicted).Select(entity => entity.Type).Distinct().Order(StringComparer.Ordinal))
        {
            result[type] = EntityScores.Of(OfType(truth, type), OfType(predicted, type)).ToJson();
        }

        var overall = EntityScores.Of(truth, predicted);
        result["overall_precision"] = overall.Precision;
        result["overall_recall"] = overall.Recall;
        result["overall_f1"] = overall.F1;
        result["overall_accuracy"] = TokenAccuracy(predictions, references);
        return result;
    }

    /// <summary>seqeval.metrics.sequence_labeling.get_entities: the default mode's chunks of one tag sequence.</summary>
    public static IReadOnlyList<Entity> GetEntities(IReadOnlyList<string> tags) => ConllChunks.Of(tags);

    // Positions are in the sentences joined with an O after each, as seqeval's default mode joins them, so an
    // entity's identity includes its sentence. Strict mode chunks sentence by sentence into the same positions.
    private static HashSet<Entity> EntitiesOf(IReadOnlyList<IReadOnlyList<string>> sentences, bool strict, TagScheme scheme)
    {
        if (!strict)
        {
            return [.. ConllChunks.Of([.. sentences.SelectMany(sentence => sentence.Append("O"))])];
        }

        var rules = SchemeRules.For(scheme);
        var entities = new HashSet<Entity>();
        var offset = 0;
        foreach (var sentence in sentences)
        {
            entities.UnionWith(StrictChunks.Of(sentence, rules, offset));
            offset += sentence.Count + 1;
        }

        return entities;
    }

    private static HashSet<Entity> OfType(HashSet<Entity> entities, string type) => [.. entities.Where(entity => entity.Type == type)];

    private static double TokenAccuracy(IReadOnlyList<IReadOnlyList<string>> predictions, IReadOnlyList<IReadOnlyList<string>> references)
    {
        var predictedTags = predictions.SelectMany(sentence => sentence);
        var referenceTags = references.SelectMany(sentence => sentence).ToArray();
        var correct = predictedTags.Zip(referenceTags, string.Equals).Count(same => same);
        return ZeroDivision.Ratio(correct, referenceTags.Length);
    }
}
