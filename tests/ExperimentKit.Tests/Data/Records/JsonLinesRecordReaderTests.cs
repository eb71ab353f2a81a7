using ExperimentKit.Data;
using ExperimentKit.Data.Records;

namespace ExperimentKit.Tests.Data.Records;

public sealed class JsonLinesRecordReaderTests
{
    [Fact]
    public void Each_line_is_a_record_numbered_by_its_line_and_blank_lines_are_skipped()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder,
            "{\"text\": \"a\", \"label\": 1, \"score\": 0.5, \"gold\": true, \"note\": null}\n"
            + "\n   \n"
            + "{\"text\": \"b \\\"quoted\\\"\", \"label\": -2, \"score\": 3, \"gold\": false}\n");

        var records = new JsonLinesRecordReader(path).Read().ToList();

        Assert.Equal([1, 4], records.Select(r => r.Position.Number));
        Assert.Equal(["text", "label", "score", "gold", "note"], records[0].Columns);
        Assert.Equal(["a", "b \"quoted\""], records.Select(r => r.String("text")));
        Assert.Equal([1L, -2L], records.Select(r => r.Integer("label")));
        Assert.Equal([0.5, 3.0], records.Select(r => r.Number("score")));
        Assert.Equal([true, false], records.Select(r => r.Boolean("gold")));
        Assert.Equal([null, null], records.Select(r => r.OptionalString("note")));
        Assert.Equal("1", records[0].String("label"));
    }

    [Fact]
    public void A_malformed_line_names_the_file_the_line_and_the_byte_where_the_JSON_breaks()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "{\"a\": 1}\n{\"a\": }\n");

        var error = Assert.Throws<DataFormatException>(() => new JsonLinesRecordReader(path).Read().ToList());

        Assert.Equal(2, error.Line);
        Assert.StartsWith($"{path}:2: malformed JSON at byte 7 of the line: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_an_error()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "[1, 2]\n");

        var error = Assert.Throws<DataFormatException>(() => new JsonLinesRecordReader(path).Read().ToList());

        Assert.Equal($"{path}:1: expected one JSON object per line, found a list of 2 values.", error.Message);
    }

    [Fact]
    public void Records_are_read_lazily_so_the_first_comes_before_a_later_malformed_line_is_reached()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "{\"text\": \"first\"}\n{\"text\": \n");

        var first = new JsonLinesRecordReader(path).Read().First();

        Assert.Equal("first", first.String("text"));
    }

    [Fact]
    public void A_SQuAD_like_flat_table_reads_its_answers_struct()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder,
            "{\"id\": \"5733be284776f41900661182\", \"question\": \"To whom did the Virgin Mary appear?\", "
            + "\"context\": \"It is a replica of the grotto at Lourdes, France where the Virgin Mary reputedly appeared to Saint Bernadette Soubirous in 1858.\", "
            + "\"answers\": {\"text\": [\"Saint Bernadette Soubirous\"], \"answer_start\": [93]}}\n");

        var record = new JsonLinesRecordReader(path).Read().Single();
        var answers = record.Struct("answers");

        Assert.Equal("To whom did the Virgin Mary appear?", record.String("question"));
        Assert.Equal(["Saint Bernadette Soubirous"], answers.Strings("text"));
        Assert.Equal([93L], answers.Integers("answer_start"));
        Assert.Equal("Saint Bernadette Soubirous", record.String("context").Substring(93, 26));
    }

    [Fact]
    public void CommonsenseQA_dev_reads_through_the_layer()
    {
        var records = RecordReaders.Open(TestData.Path("commonsense_qa", "dev.jsonl")).Read().ToList();

        Assert.Equal(1221, records.Count);
        var first = records[0];
        Assert.Equal("1afa02df02c908a558b4036e80242fac", first.String("id"));
        Assert.StartsWith("A revolving door is convenient", first.String("question"), StringComparison.Ordinal);
        Assert.Equal("revolving door", first.String("question_concept"));
        Assert.Equal(["A", "B", "C", "D", "E"], first.Struct("choices").Strings("label"));
        Assert.Equal(["bank", "library", "department store", "mall", "new york"], first.Struct("choices").Strings("text"));
        Assert.Equal("A", first.String("answerKey"));
        Assert.Equal(RecordPosition.Line(1), first.Position);
        Assert.All(records, r => Assert.Equal(5, r.Struct("choices").Strings("text").Count));
    }

    private static string Write(TemporaryFolder folder, string text)
    {
        var path = folder.File("data.jsonl");
        File.WriteAllText(path, text);
        return path;
    }
}
