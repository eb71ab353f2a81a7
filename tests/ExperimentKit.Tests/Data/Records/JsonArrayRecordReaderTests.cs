using System.Text;
using ExperimentKit.Data;
using ExperimentKit.Data.Records;

namespace ExperimentKit.Tests.Data.Records;

public sealed class JsonArrayRecordReaderTests
{
    [Fact]
    public void Arc_easy_validation_reads_through_the_layer_with_its_choices()
    {
        var records = RecordReaders.Open(TestData.Path("arc_easy", "validation.json")).Read().ToList();

        Assert.Equal(570, records.Count);
        var first = records[0];
        Assert.Equal("MCAS_2000_4_6", first.String("id"));
        Assert.Equal("Which technology was developed most recently?", first.String("question"));
        Assert.Equal(["cellular telephone", "television", "refrigerator", "airplane"], first.Struct("choices").Strings("text"));
        Assert.Equal(["A", "B", "C", "D"], first.Struct("choices").Strings("label"));
        Assert.Equal("A", first.String("answerKey"));
        Assert.Equal(RecordPosition.Record(1), first.Position);
        Assert.Equal(RecordPosition.Record(570), records[^1].Position);
        // SOURCES.md: 567 questions with 4 choices, 2 with 5, 1 with 3; 21 use the labels 1..4.
        var choiceCounts = records.GroupBy(r => r.Struct("choices").Strings("text").Count).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<int, int> { [4] = 567, [5] = 2, [3] = 1 }, choiceCounts);
        Assert.Equal(21, records.Count(r => r.String("answerKey") is "1" or "2" or "3" or "4"));
    }

    [Fact]
    public void A_data_wrapper_gives_the_records_of_its_data_array()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "{\"version\": \"1.0\", \"meta\": {\"data\": 0}, \"data\": [{\"a\": 1}, {\"a\": 2}], \"after\": [1]}");

        Assert.Equal([1L, 2L], new JsonArrayRecordReader(path).Read().Select(r => r.Integer("a")));
    }

    [Fact]
    public void A_file_larger_than_the_read_buffer_and_a_record_larger_than_it_are_read_whole()
    {
        using var folder = new TemporaryFolder();
        var big = new string('x', 200_000);
        var text = new StringBuilder("\uFEFF[\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("  {\"id\": ").Append(i).Append(", \"text\": \"").Append(i == 1500 ? big : "some words here to fill the buffer").Append("\"},\n");
        }

        var path = Write(folder, text.Append("  {\"id\": 3000, \"text\": \"last\"}\n]\n").ToString());

        var records = new JsonArrayRecordReader(path).Read().ToList();

        Assert.Equal(Enumerable.Range(0, 3001).Select(i => (long)i), records.Select(r => r.Integer("id")));
        Assert.Equal(big, records[1500].String("text"));
        Assert.Equal(RecordPosition.Record(1501), records[1500].Position);
    }

    [Fact]
    public void A_malformed_record_names_its_number_and_the_line_and_byte_where_the_JSON_breaks()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "[\n  {\"a\": 1},\n  {\"a\": 2,}\n]\n");

        var error = Assert.Throws<DataFormatException>(() => new JsonArrayRecordReader(path).Read().ToList());

        Assert.Equal(RecordPosition.Record(2), error.Position);
        Assert.StartsWith($"{path}: record 2: malformed JSON at line 3, byte 11 of the line: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_read_lazily_so_the_first_comes_before_a_later_malformed_one_is_reached()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "[{\"text\": \"first\"}, {\"text\": oops");

        var first = new JsonArrayRecordReader(path).Read().First();

        Assert.Equal("first", first.String("text"));
    }

    [Theory]
    [InlineData("[1, 2]", "record 1: the element is a number; every element of the array must be an object")]
    [InlineData("\"text\"", "record 1: the file holds a string; expected an array of records")]
    [InlineData("{\"a\": 1}\n{\"a\": 2}\n", "record 1: the top-level JSON object has no \"data\" array of records")]
    [InlineData("", "record 1: malformed JSON at line 1, byte 1 of the line: The input does not contain any JSON tokens")]
    public void A_file_that_is_not_an_array_of_objects_says_what_it_holds(string text, string problem)
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, text);

        var error = Assert.Throws<DataFormatException>(() => new JsonArrayRecordReader(path).Read().ToList());

        Assert.StartsWith($"{path}: {problem}", error.Message, StringComparison.Ordinal);
    }

    private static string Write(TemporaryFolder folder, string text)
    {
        var path = folder.File("data.json");
        File.WriteAllText(path, text);
        return path;
    }
}
