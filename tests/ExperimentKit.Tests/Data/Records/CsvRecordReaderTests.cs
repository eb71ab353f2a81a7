using ExperimentKit.Data;
using ExperimentKit.Data.Records;

namespace ExperimentKit.Tests.Data.Records;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_a_record_is_numbered_by_its_first_line()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "\uFEFFtext,label\n\"a, b\",1\n\"she said \"\"hi\"\"\r\nthen left\",0\n\nplain,1\r\n");

        var records = new CsvRecordReader(path).Read().ToList();

        Assert.Equal(["text", "label"], records[0].Columns);
        Assert.Equal(["a, b", "she said \"hi\"\r\nthen left", "plain"], records.Select(r => r.String("text")));
        Assert.Equal([1L, 0L, 1L], records.Select(r => r.Integer("label")));
        Assert.Equal([2, 3, 6], records.Select(r => r.Position.Number));
        Assert.All(records, r => Assert.Equal(RecordUnit.Line, r.Position.Unit));
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_names_the_file_line_and_column()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "text,label\n\"fine\",1\nbro\"ken,0\n");

        var error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path).Read().ToList());

        Assert.Equal((path, 3, "text"), (error.File, error.Line, error.ColumnName));
        Assert.StartsWith($"{path}:3: column 'text': a quote inside a field that does not start with one", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text,label\n\"never closed,1\nb,0\n", "the quote that opens this field is never closed")]
    [InlineData("text,label\n\"closed\"early,1\n", "text after the closing quote ('early')")]
    public void Bad_quoting_is_named_at_the_line_the_record_starts(string text, string problem)
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, text);

        var error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path).Read().ToList());

        Assert.Equal((2, "text"), (error.Line, error.ColumnName));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_names_the_count_the_header_gives()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "text,label\na,1\nb, c,0\n");

        var error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path).Read().ToList());

        Assert.Equal($"{path}:3: expected 2 comma-separated fields as in the header, found 3 (a field that holds a comma must be quoted).", error.Message);
    }

    [Fact]
    public void A_header_that_names_a_column_twice_is_an_error()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "text,text\na,b\n");

        var error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path).Read().ToList());

        Assert.Equal($"{path}:1: the header names column 'text' more than once; each column needs its own name.", error.Message);
    }

    [Fact]
    public void List_cells_are_JSON_arrays_or_whitespace_separated_tokens_and_struct_cells_JSON_objects()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder,
            "tokens,tags,empty,answers\n"
            + "\"[\"\"a\"\", \"\"b c\"\"]\",0 1  2,,\"{\"\"text\"\": [\"\"x\"\"], \"\"answer_start\"\": [3]}\"\n");

        var record = new CsvRecordReader(path).Read().Single();

        Assert.Equal(["a", "b c"], record.Strings("tokens"));
        Assert.Equal([0L, 1L, 2L], record.Integers("tags"));
        Assert.Equal(["0", "1", "2"], record.Strings("tags"));
        Assert.Empty(record.Strings("empty"));
        Assert.Equal(["x"], record.Struct("answers").Strings("text"));
        Assert.Equal([3L], record.Struct("answers").Integers("answer_start"));
    }

    [Fact]
    public void A_list_cell_in_Python_notation_says_lists_are_JSON()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "tokens\n\"['a', 'b']\"\n");

        var error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path).Read().Single().Strings("tokens"));

        Assert.StartsWith($"{path}:2: column 'tokens': a list in a cell is written as JSON, such as [\"a\", \"b\"]; '['a', 'b']' is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_read_lazily_so_the_first_comes_before_a_later_bad_row_is_reached()
    {
        using var folder = new TemporaryFolder();
        var path = Write(folder, "text,label\nfirst,1\nbro\"ken,0\n");
        var reader = new CsvRecordReader(path);

        var first = reader.Read().First();

        Assert.Equal("first", first.String("text"));
        Assert.Throws<DataFormatException>(() => reader.Read().ToList());
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_stop_the_read()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("data.csv");
        File.WriteAllBytes(path, [.. "text\nok\n"u8, 0xFF, .. "\n"u8]);

        var error = Assert.Throws<DataFormatException>(() => new CsvRecordReader(path).Read().ToList());

        Assert.Contains("bytes that are not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    private static string Write(TemporaryFolder folder, string text)
    {
        var path = folder.File("data.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
