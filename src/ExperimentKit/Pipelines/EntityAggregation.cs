using ExperimentKit.Metrics;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>
/// TokenClassificationPipeline.aggregate: token results, or words (first, average, max) and groups of adjacent tokens
/// or words of one entity type, a B- label starting a new group. Labels without a B-/I- prefix count as I-.
/// </summary>
internal static class EntityAggregation
{
    public static IReadOnlyList<TokenEntity> Aggregate(IReadOnlyList<PreEntity> tokens, AggregationStrategy strategy, Func<int, string> label)
    {
        var entities = strategy is AggregationStrategy.None or AggregationStrategy.Simple
            ? [.. tokens.Select(token => Best(token.Scores, label, token.Word, token.Start, token.End, token.Index))]
            : Words(tokens, strategy, label);
        return strategy == AggregationStrategy.None ? entities : Group(entities);
    }

    /// <summary>aggregate_words: a word is a token and the subword tokens after it.</summary>
    private static List<TokenEntity> Words(IReadOnlyList<PreEntity> tokens, AggregationStrategy strategy, Func<int, string> label)
    {
        var words = new List<TokenEntity>();
        var word = new List<PreEntity>();
        foreach (var token in tokens)
        {
            if (word.Count > 0 && !token.IsSubword)
            {
                words.Add(Word(word, strategy, label));
                word.Clear();
            }

            word.Add(token);
        }

        if (word.Count > 0)
        {
            words.Add(Word(word, strategy, label));
        }

        return words;
    }

    /// <summary>aggregate_word: one label and score for a word's tokens.</summary>
    private static TokenEntity Word(List<PreEntity> tokens, AggregationStrategy strategy, Func<int, string> label)
    {
        var text = WordPieceDecoder.ConvertTokensToString(tokens.Select(t => t.Word));
        var scores = strategy switch
        {
            AggregationStrategy.First => tokens[0].Scores,
            // Python's max() keeps the first of equal maxima.
            AggregationStrategy.Max => tokens.Aggregate((best, t) => t.Scores.Max() > best.Scores.Max() ? t : best).Scores,
            AggregationStrategy.Average => Average(tokens),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "none and simple do not aggregate words"),
        };
        return Best(scores, label, text, tokens[0].Start, tokens[^1].End, index: null);
    }

    private static float[] Average(List<PreEntity> tokens)
    {
        var sums = new float[tokens[0].Scores.Length];
        foreach (var token in tokens)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += token.Scores[i];
            }
        }

        return [.. sums.Select(sum => sum / tokens.Count)];
    }

    private static TokenEntity Best(float[] scores, Func<int, string> label, string word, int start, int end, int? index)
    {
        var id = ArgMax.Of(scores);
        return new TokenEntity(label(id), scores[id], word, start, end, index);
    }

    /// <summary>group_entities: adjacent entities join while the type is the same and the label is not B-.</summary>
    private static List<TokenEntity> Group(IReadOnlyList<TokenEntity> entities)
    {
        var groups = new List<TokenEntity>();
        var current = new List<TokenEntity>();
        foreach (var entity in entities)
        {
            var (bi, tag) = Tag(entity.Entity);
            if (current.Count > 0 && !(tag == Tag(current[^1].Entity).Tag && bi != "B"))
            {
                groups.Add(GroupOf(current));
                current.Clear();
            }

            current.Add(entity);
        }

        if (current.Count > 0)
        {
            groups.Add(GroupOf(current));
        }

        return groups;
    }

    /// <summary>group_sub_entities: the first label's type (after the first "-"), the mean score, the tokens decoded.</summary>
    private static TokenEntity GroupOf(List<TokenEntity> entities)
    {
        var first = entities[0].Entity;
        var type = first.IndexOf('-', StringComparison.Ordinal) is var dash and >= 0 ? first[(dash + 1)..] : first;
        var score = (float)entities.Average(e => (double)e.Score);
        return new TokenEntity(type, score, WordPieceDecoder.ConvertTokensToString(entities.Select(e => e.Word)), entities[0].Start, entities[^1].End);
    }

    /// <summary>get_tag: ("B", type) for B-, ("I", type) for I-, ("I", label) for a label without a prefix.</summary>
    private static (string Bi, string Tag) Tag(string label) =>
        label.StartsWith("B-", StringComparison.Ordinal) ? ("B", label[2..])
        : label.StartsWith("I-", StringComparison.Ordinal) ? ("I", label[2..])
        : ("I", label);
}
