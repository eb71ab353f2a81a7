using ExperimentKit.Pipelines;

namespace ExperimentKit.Tests.Pipelines;

/// <summary>
/// TokenClassificationPipeline's aggregation worked by hand on "Jean-Luc Picard visited NewYork" as a cased WordPiece
/// model might split it: Jean | - | Luc | Pic ##ard | visited | New ##York, labels O, B-PER, I-PER, B-LOC, I-LOC.
/// "Jean-Luc" is three words (punctuation splits), "Picard" and "NewYork" two sub-tokens each, and the person and the
/// place touch nowhere, while Jean/-/Luc touch one another.
/// </summary>
public sealed class EntityAggregationTests
{
    //                                         O     B-PER  I-PER  B-LOC  I-LOC
    private static readonly PreEntity[] Tokens =
    [
        new("Jean", [0.05f, 0.90f, 0.03f, 0.01f, 0.01f], 0, 4, 1, IsSubword: false),
        new("-", [0.10f, 0.05f, 0.80f, 0.03f, 0.02f], 4, 5, 2, IsSubword: false),
        new("Luc", [0.05f, 0.10f, 0.80f, 0.03f, 0.02f], 5, 8, 3, IsSubword: false),
        new("Pic", [0.10f, 0.60f, 0.25f, 0.03f, 0.02f], 9, 12, 4, IsSubword: false),
        new("##ard", [0.50f, 0.10f, 0.30f, 0.05f, 0.05f], 12, 15, 5, IsSubword: true),
        new("visited", [0.90f, 0.02f, 0.02f, 0.03f, 0.03f], 16, 23, 6, IsSubword: false),
        new("New", [0.10f, 0.05f, 0.05f, 0.70f, 0.10f], 24, 27, 7, IsSubword: false),
        new("##York", [0.20f, 0.05f, 0.05f, 0.10f, 0.60f], 27, 31, 8, IsSubword: true),
    ];

    private static string Label(int id) => TinyModelFolders.NerLabels[id];

    [Fact]
    public void None_gives_each_token_its_best_label_with_its_index()
    {
        var entities = EntityAggregation.Aggregate(Tokens, AggregationStrategy.None, Label);

        Assert.Equal(
            ["B-PER", "I-PER", "I-PER", "B-PER", "O", "O", "B-LOC", "I-LOC"],
            entities.Select(e => e.Entity));
        Assert.Equal(new TokenEntity("O", 0.50f, "##ard", 12, 15, 5), entities[4]);
    }

    [Fact]
    public void Simple_groups_adjacent_tokens_of_one_type_and_splits_a_word_whose_pieces_disagree()
    {
        var entities = EntityAggregation.Aggregate(Tokens, AggregationStrategy.Simple, Label);

        // Pic is B-PER: a new group; ##ard is O, so "Picard" is cut in two; New ##York joins as B-LOC, I-LOC.
        Assert.Equal(
        [
            new TokenEntity("PER", (0.90f + 0.80f + 0.80f) / 3, "Jean - Luc", 0, 8),
            new TokenEntity("PER", 0.60f, "Pic", 9, 12),
            new TokenEntity("O", (0.50f + 0.90f) / 2, "##ard visited", 12, 23),
            new TokenEntity("LOC", (0.70f + 0.60f) / 2, "NewYork", 24, 31),
        ], entities, Close);
    }

    /// <summary>
    /// Word strategies agree on Jean - Luc (three words, each one token) and visited, and differ on the two split words:
    /// first takes Pic (B-PER 0.60) and New (B-LOC 0.70); average takes Picard's mean [0.30, 0.35, 0.275, 0.04, 0.035]
    /// (B-PER 0.35) and NewYork's [0.15, 0.05, 0.05, 0.40, 0.35] (B-LOC 0.40); max takes Pic (0.60 beats ##ard's 0.50)
    /// and New (0.70 beats ##York's 0.60).
    /// </summary>
    [Theory]
    [InlineData(AggregationStrategy.First, 0.60f, 0.70f)]
    [InlineData(AggregationStrategy.Average, 0.35f, 0.40f)]
    [InlineData(AggregationStrategy.Max, 0.60f, 0.70f)]
    public void Word_strategies_give_each_word_one_label_and_keep_its_pieces_together(AggregationStrategy strategy, float picard, float newYork)
    {
        var entities = EntityAggregation.Aggregate(Tokens, strategy, Label);

        Assert.Equal(
        [
            new TokenEntity("PER", (0.90f + 0.80f + 0.80f) / 3, "Jean - Luc", 0, 8),
            new TokenEntity("PER", picard, "Picard", 9, 15),
            new TokenEntity("O", 0.90f, "visited", 16, 23),
            new TokenEntity("LOC", newYork, "NewYork", 24, 31),
        ], entities, Close);
    }

    [Fact]
    public void Touching_entities_of_one_type_stay_apart_when_the_second_begins_with_b()
    {
        PreEntity[] tokens =
        [
            new("Ann", [0.0f, 0.9f, 0.1f, 0.0f, 0.0f], 0, 3, 1, false),
            new("Bob", [0.0f, 0.8f, 0.2f, 0.0f, 0.0f], 4, 7, 2, false),
            new("Smith", [0.0f, 0.1f, 0.9f, 0.0f, 0.0f], 8, 13, 3, false),
            new("Paris", [0.0f, 0.0f, 0.0f, 0.1f, 0.9f], 14, 19, 4, false),
        ];

        var entities = EntityAggregation.Aggregate(tokens, AggregationStrategy.Simple, Label);

        // I-LOC right after a PER group starts a LOC group (an I- label of another type cannot continue it).
        Assert.Equal(["Ann", "Bob Smith", "Paris"], entities.Select(e => e.Word));
        Assert.Equal(["PER", "PER", "LOC"], entities.Select(e => e.Entity));
    }

    private static bool Close(TokenEntity expected, TokenEntity actual) =>
        expected with { Score = 0 } == actual with { Score = 0 } && Math.Abs(expected.Score - actual.Score) < 1e-6;
}
