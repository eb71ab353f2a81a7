using ExperimentKit.Metrics;

namespace ExperimentKit.Tests.QuestionAnswering;

/// <summary>
/// The official SQuAD v1.1 normalization and scores; every expected value was produced by the script's own
/// normalize_answer and f1_score under Python 3.
/// </summary>
public sealed class SquadScoresTests
{
    [Theory]
    [InlineData("The Denver Broncos!", "denver broncos")]
    [InlineData("an apple a day", "apple day")]
    [InlineData("theater Anthem thea", "theater anthem thea")]
    [InlineData("  multiple \t spaces\n here ", "multiple spaces here")]
    [InlineData("a_b the-end", "ab theend")]
    [InlineData("the_cat", "thecat")]
    [InlineData("A's", "as")]
    [InlineData("(1,000)", "1000")]
    public void Normalization_lowers_drops_punctuation_and_articles_and_collapses_whitespace(string text, string expected)
    {
        Assert.Equal(expected, SquadScores.NormalizeAnswer(text));
    }

    [Theory]
    [InlineData("Ça va — l'été", "ça va — lété")] // only ASCII punctuation goes
    [InlineData("the ’a’ an", "’ ’")] // ’ is no word character, so "a" between two of them is a whole word
    [InlineData("½ an½ the٣", "½ an½ the٣")] // numbers of any script are word characters
    [InlineData("the\u0301 a\u0301b", "\u0301 \u0301b")] // combining marks are not
    [InlineData("İstanbul", "i\u0307stanbul")] // full lower-case mapping: İ is two characters
    [InlineData("ΟΔΟΣ ΣΑ Σ", "οδος σα σ")] // a word-final capital sigma becomes ς
    [InlineData("ΌΣΟΣ.", "όσος")] // ... also before case-ignorable punctuation
    [InlineData("ΑΣ'Β", "ασβ")] // ... but not when a letter follows the apostrophe
    [InlineData("x\u001Cy\u00A0z", "x y z")] // Python's whitespace
    public void Normalization_treats_unicode_as_python_does(string text, string expected)
    {
        Assert.Equal(expected, SquadScores.NormalizeAnswer(text));
    }

    [Theory]
    [InlineData("the Denver Broncos", "Denver Broncos", true, 1.0)]
    [InlineData("Denver Broncos won", "Denver Broncos", false, 0.8)]
    [InlineData("cat cat cat", "cat dog cat", false, 2.0 / 3)] // shared words count with multiplicity: 2
    [InlineData("the", "a", true, 0.0)] // both normalize to nothing: equal, but no shared word
    [InlineData("Panthers", "Denver Broncos", false, 0.0)]
    public void Exact_match_and_f1_of_one_answer(string prediction, string truth, bool exact, double f1)
    {
        Assert.Equal(exact, SquadScores.ExactMatch(prediction, truth));
        Assert.Equal(f1, SquadScores.F1(prediction, truth), 15);
    }

    [Fact]
    public void Scores_take_the_best_gold_answer_per_question_and_average_in_percent()
    {
        var predictions = new Dictionary<string, string>
        {
            ["1"] = "the Denver Broncos",
            ["2"] = "Carolina",
            ["3"] = "in Santa Clara, California",
            ["other"] = "ignored",
        };
        SquadReference[] references =
        [
            new("1", ["Denver Broncos", "Broncos"]),
            new("2", ["Carolina Panthers", "the Panthers"]),
            new("3", ["Santa Clara", "Levi's Stadium"]),
            new("4", ["x"]), // unanswered: scores 0
        ];

        var scores = SquadScores.Compute(predictions, references);

        // EM: question 1 only; F1: 1 + 2/3 + 2/3 + 0.
        Assert.Equal(["exact_match", "f1"], scores.Select(p => p.Key));
        Assert.Equal(25.0, (double)scores["exact_match"]!);
        Assert.Equal(58.33333333333333, (double)scores["f1"]!);
    }

    [Fact]
    public void No_references_give_NaN_and_a_reference_without_gold_answers_is_refused()
    {
        var empty = SquadScores.Compute(new Dictionary<string, string>(), []);

        Assert.True(double.IsNaN((double)empty["exact_match"]!) && double.IsNaN((double)empty["f1"]!));
        var ex = Assert.Throws<ArgumentException>(() => SquadScores.Compute(new Dictionary<string, string> { ["q"] = "x" }, [new SquadReference("q", [])]));
        Assert.Contains("Question q has no gold answer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_whitespace_splits_and_strips_like_str_split_and_lstrip()
    {
        Assert.Equal(["a", "b", "c"], PythonWhitespace.Split("\u001F a\u2003\u3000b \u0085c\t"));
        Assert.Equal("x \u001C", PythonWhitespace.LStrip("\u001C\u001D \t\nx \u001C"));
        Assert.Empty(PythonWhitespace.Split(" \u001E "));
    }
}
