using System.Text.Json.Nodes;

namespace ExperimentKit.Metrics;

/// <summary>
/// Hugging Face evaluate's "squad" metric, which runs the official SQuAD v1.1 evaluation script: per question the best
/// exact match and token F1 over its gold answers, after <see cref="NormalizeAnswer"/>; both averaged and times 100.
/// </summary>
public static class SquadScores
{
    /// <summary>
    /// {"exact_match", "f1"} in percent over <paramref name="references"/>. A question without a prediction scores 0
    /// (the script prints "Unanswered question ... will receive score 0"); predictions for other ids are ignored.
    /// With no references both are NaN (the script divides by zero).
    /// </summary>
    /// <exception cref="ArgumentException">A reference has no gold answer (the script's max() of nothing raises).</exception>
    public static JsonObject Compute(IReadOnlyDictionary<string, string> predictions, IReadOnlyList<SquadReference> references)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(references);
        int exactMatch = 0;
        double f1 = 0;
        foreach (var reference in references)
        {
            if (reference.Answers.Count == 0)
            {
                throw new ArgumentException($"Question {reference.Id} has no gold answer to score against.", nameof(references));
            }

            if (predictions.TryGetValue(reference.Id, out string? prediction))
            {
                exactMatch += reference.Answers.Any(answer => ExactMatch(prediction, answer)) ? 1 : 0;
                f1 += reference.Answers.Max(answer => F1(prediction, answer));
            }
        }

        return new JsonObject
        {
            ["exact_match"] = 100.0 * exactMatch / references.Count,
            ["f1"] = 100.0 * f1 / references.Count,
        };
    }

    /// <summary>normalize_answer: lower case, no ASCII punctuation, no articles (a, an, the), single spaces.</summary>
    public static string NormalizeAnswer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SquadAnswerNormalization.Normalize(text);
    }

    /// <summary>exact_match_score: the two normalized answers are equal.</summary>
    public static bool ExactMatch(string prediction, string groundTruth) =>
        NormalizeAnswer(prediction) == NormalizeAnswer(groundTruth);

    /// <summary>
    /// f1_score: the harmonic mean of precision and recall of the normalized answers' words, counted with multiplicity
    /// (Counter intersection); 0 when no word is shared, so also when both normalize to nothing.
    /// </summary>
    public static double F1(string prediction, string groundTruth)
    {
        List<string> predicted = PythonWhitespace.Split(NormalizeAnswer(prediction));
        List<string> truth = PythonWhitespace.Split(NormalizeAnswer(groundTruth));
        var remaining = truth.CountBy(word => word, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        int same = 0;
        foreach (string word in predicted)
        {
            if (remaining.TryGetValue(word, out int count) && count > 0)
            {
                remaining[word] = count - 1;
                same++;
            }
        }

        if (same == 0)
        {
            return 0;
        }

        double precision = 1.0 * same / predicted.Count;
        double recall = 1.0 * same / truth.Count;
        return 2 * precision * recall / (precision + recall);
    }
}
