using ExperimentKit.Data;
using ExperimentKit.Data.QuestionAnswering;

namespace ExperimentKit.Tests.QuestionAnswering;

/// <summary>The SQuAD reader on the two halves of the official dev set (counts from SOURCES.md) and on small broken files.</summary>
public sealed class SquadReaderTests
{
    [Theory]
    [InlineData("dev-v1.1.part_a.json", 4961, 17778)]
    [InlineData("dev-v1.1.part_b.json", 5609, 16948)]
    public void The_dev_halves_have_their_published_question_counts_and_every_answer_is_where_it_says(string file, int questions, int answers)
    {
        var read = SquadReader.Read(TestData.Path("squad", file));

        Assert.Equal(questions, read.Count);
        Assert.Equal(answers, read.Sum(e => e.Answers.Count));
        Assert.Equal(questions, read.Select(e => e.Id).Distinct().Count());
        Assert.All(read.SelectMany(e => e.Answers.Select(a => (e.Context, a))), x => Assert.Equal(x.a.Text, x.Context.Substring(x.a.AnswerStart, x.a.Text.Length)));
    }

    [Fact]
    public void Rows_come_in_file_order_with_the_article_title()
    {
        var read = SquadReader.Read(TestData.Path("squad", "dev-v1.1.part_a.json"));

        var first = read[0];
        Assert.Equal("56be4db0acb8001400a502ec", first.Id);
        Assert.Equal("Super_Bowl_50", first.Title);
        Assert.Equal("Which NFL team represented the AFC at Super Bowl 50?", first.Question);
        Assert.StartsWith("Super Bowl 50 was an American football game", first.Context, StringComparison.Ordinal);
        Assert.Equal([new SquadAnswer("Denver Broncos", 177), new SquadAnswer("Denver Broncos", 177), new SquadAnswer("Denver Broncos", 177)], first.Answers);
        var last = read[^1];
        Assert.Equal(("Force", "5737aafd1c456719005744ff", "sthène", 665), (last.Title, last.Id, last.Answers[0].Text, last.Answers[0].AnswerStart));
    }

    [Fact]
    public void A_limit_keeps_the_first_questions()
    {
        string path = TestData.Path("squad", "dev-v1.1.part_b.json");

        var limited = SquadReader.Read(path, limit: 7);

        Assert.Equal(SquadReader.Read(path).Take(7).Select(e => e.Id), limited.Select(e => e.Id));
    }

    [Fact]
    public void Keys_may_come_in_any_order_and_unknown_keys_are_skipped()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, """
            {"version": "1.1", "data": [{"paragraphs": [{"qas": [{"extra": [1, {"x": 2}], "answers": [{"answer_start": 4, "text": "b"}],
              "question": "  q?", "id": "q1"}], "context": "aaa b"}], "title": "T"}]}
            """);

        var example = Assert.Single(SquadReader.Read(path));

        Assert.Equal(new SquadExample("q1", "T", "aaa b", "  q?", example.Answers), example);
        Assert.Equal([new SquadAnswer("b", 4)], example.Answers);
    }

    [Fact]
    public void Answer_start_counts_code_points_and_becomes_a_UTF16_index()
    {
        // The emoji is one code point (Python's index) but two UTF-16 units.
        using var folder = new TemporaryFolder();
        string path = Write(folder, Squad("\uD83D\uDE00 Denver Broncos", """[{"text": "Denver", "answer_start": 2}]"""));

        var answer = Assert.Single(Assert.Single(SquadReader.Read(path)).Answers);

        Assert.Equal(new SquadAnswer("Denver", 3), answer);
    }

    [Fact]
    public void Malformed_JSON_is_named_by_file_line_and_column()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, "{\n  \"data\": [\n    {\"title\": \"T\" \"paragraphs\": []}\n  ]\n}\n");

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        // Column 19 is the quote that opens "paragraphs", where a comma should be.
        Assert.Equal((path, 3, 19), (ex.File, ex.Line, ex.Column));
        Assert.StartsWith($"{path}:3:19: malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_answer_field_names_the_question_id_the_field_and_its_place()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, Squad("aaa b", """[{"answer_start": 4}]"""));

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        Assert.Equal(1, ex.Line);
        Assert.Contains("question q1 (data[0].paragraphs[0].qas[0].answers[0]): missing 'text' (expected a string)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_without_context_is_named_by_its_JSON_path_and_line()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, "{\"data\": [{\"title\": \"T\", \"paragraphs\": [\n{\"context\": \"x\", \"qas\": []},\n  {\"qas\": []}]}]}");

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        Assert.Equal((3, 3), (ex.Line, ex.Column));
        Assert.Contains("data[0].paragraphs[1]: missing 'context' (expected a string)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"answers": [], "question": "q?"}""", "data[0].paragraphs[0].qas[0]: missing 'id'")]
    [InlineData("""{"answers": [], "id": "q1"}""", "question q1 (data[0].paragraphs[0].qas[0]): missing 'question'")]
    [InlineData("""{"question": "q?", "id": "q1"}""", "question q1 (data[0].paragraphs[0].qas[0]): missing 'answers'")]
    [InlineData("""{"answers": [{"text": "a", "answer_start": "0"}], "question": "q?", "id": "q1"}""", "answers[0].answer_start: expected a non-negative integer, found a string")]
    [InlineData("""{"answers": [{"text": "a", "answer_start": -1}], "question": "q?", "id": "q1"}""", "answers[0].answer_start: expected a non-negative integer, found -1")]
    [InlineData("""{"answers": [], "question": null, "id": "q1"}""", "qas[0].question: expected a string, found null")]
    public void A_missing_or_mistyped_question_field_is_named(string question, string expected)
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, $$"""{"data": [{"title": "T", "paragraphs": [{"context": "aaa", "qas": [{{question}}]}]}]}""");

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_data_says_what_it_expects()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, """{"version": "1.1"}""");

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        Assert.Equal($"{path}:1:1: missing 'data' (expected a list of articles {{title, paragraphs}}).", ex.Message);
    }

    [Theory]
    [InlineData("""[{"text": "aab", "answer_start": 1}]""", "the context has 'aa ' at answer_start 1, not the answer text 'aab'")]
    [InlineData("""[{"text": "b", "answer_start": 9}]""", "the answer 'b' at answer_start 9 runs past the end of the context")]
    [InlineData("""[{"text": "", "answer_start": 0}]""", "the answer text is empty")]
    public void An_answer_that_is_not_where_answer_start_says_is_an_error(string answers, string expected)
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, Squad("aaa b", answers));

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        Assert.Contains($"question q1 (data[0].paragraphs[0].qas[0].answers[0]): {expected}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_id_used_twice_is_an_error()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, """
            {"data": [{"title": "T", "paragraphs": [{"context": "aaa", "qas": [
              {"answers": [], "question": "q?", "id": "q1"},
              {"answers": [], "question": "r?", "id": "q1"}]}]}]}
            """);

        var ex = Assert.Throws<DataFormatException>(() => SquadReader.Read(path));

        Assert.Equal((3, 3), (ex.Line, ex.Column));
        Assert.Contains("question q1 (data[0].paragraphs[0].qas[1]): the id is already used by an earlier question", ex.Message, StringComparison.Ordinal);
    }

    private static string Squad(string context, string answers) =>
        $$"""{"data": [{"title": "T", "paragraphs": [{"context": "{{context}}", "qas": [{"answers": {{answers}}, "question": "q?", "id": "q1"}]}]}]}""";

    private static string Write(TemporaryFolder folder, string json)
    {
        string path = folder.File("squad.json");
        File.WriteAllText(path, json);
        return path;
    }
}
