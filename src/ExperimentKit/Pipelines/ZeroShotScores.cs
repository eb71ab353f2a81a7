using ExperimentKit.Models;

namespace ExperimentKit.Pipelines;

/// <summary>ZeroShotClassificationPipeline's postprocess: NLI logits of (sequence, hypothesis) pairs to label scores.</summary>
internal static class ZeroShotScores
{
    /// <summary>
    /// The entailment class: the first label of label2id (id2label when the config has no label2id) that starts with
    /// "entail", ignoring case; -1 (numpy's last class) when none does, where transformers warns.
    /// </summary>
    public static int EntailmentId(PretrainedConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var labels = config.Label2Id.Count > 0 ? config.Label2Id.Select(kv => (Name: kv.Key, Id: kv.Value)) : config.Id2Label.Select(kv => (Name: kv.Value, Id: kv.Key));
        foreach (var (name, id) in labels)
        {
            if (name.ToLowerInvariant().StartsWith("entail", StringComparison.Ordinal))
            {
                return id;
            }
        }

        return -1;
    }

    /// <summary>
    /// Single label: softmax of the entailment logits over the candidates. Multi-label (or one candidate): for each
    /// candidate alone, softmax of (contradiction, entailment), contradiction being class 0, or the last class when
    /// entailment is 0.
    /// </summary>
    /// <param name="logits">Per candidate label, the NLI head's logits.</param>
    public static float[] Compute(IReadOnlyList<float[]> logits, int entailmentId, bool multiLabel)
    {
        ArgumentNullException.ThrowIfNull(logits);
        int Class(float[] row, int id) => id < 0 ? row.Length + id : id;
        if (multiLabel || logits.Count == 1)
        {
            var contradictionId = entailmentId == 0 ? -1 : 0;
            return [.. logits.Select(row => Probabilities.Softmax([row[Class(row, contradictionId)], row[Class(row, entailmentId)]])[1])];
        }

        return Probabilities.Softmax([.. logits.Select(row => row[Class(row, entailmentId)])]);
    }

    /// <summary>The candidates best first: reversed(argsort), so of equal scores the later candidate comes first.</summary>
    public static ZeroShotResult Ranked(string sequence, IReadOnlyList<string> labels, float[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).Reverse().ToArray();
        return new ZeroShotResult(sequence, [.. order.Select(i => labels[i])], [.. order.Select(i => scores[i])]);
    }
}
