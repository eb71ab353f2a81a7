using ExperimentKit.Data;
using ExperimentKit.Data.Records;

namespace ExperimentKit.Tests.Data.Records;

public sealed class DataRecordTests
{
    [Fact]
    public void A_missing_column_lists_the_record_s_columns_and_the_close_one()
    {
        var record = Csv("text,label\nhello,1\n");

        var error = Assert.Throws<DataFormatException>(() => record.Integer("lable"));

        Assert.Equal("lable", error.ColumnName);
        Assert.EndsWith(":2: column 'lable': no such column; did you mean 'label'? (the record has: text, label).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_with_no_close_name_lists_the_columns()
    {
        var record = Csv("text,label\nhello,1\n");

        var error = Assert.Throws<DataFormatException>(() => record.String("question"));

        Assert.EndsWith("column 'question': no such column (the record has: text, label).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_of_a_struct_is_named_by_its_path()
    {
        var record = JsonLine("{\"choices\": {\"text\": [\"a\"], \"label\": [\"A\"]}}");

        var error = Assert.Throws<DataFormatException>(() => record.Struct("choices").Strings("txt"));

        Assert.Equal("choices.txt", error.ColumnName);
        Assert.EndsWith("column 'choices.txt': no such column; did you mean 'choices.text'? ('choices' has: text, label).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_where_an_integer_is_needed_names_the_file_line_column_and_what_is_valid()
    {
        var csv = Csv("text,label\nhello,positive\n");
        var json = JsonLine("{\"label\": \"positive\"}");

        var fromCsv = Assert.Throws<DataFormatException>(() => csv.Integer("label"));
        var fromJson = Assert.Throws<DataFormatException>(() => json.Integer("label"));

        Assert.Equal($"{csv.File}:2: column 'label': expected an integer such as 0, 7 or -3, got 'positive'.", fromCsv.Message);
        Assert.Equal($"{json.File}:1: column 'label': expected an integer such as 0, 7 or -3, got the string \"positive\".", fromJson.Message);
    }

    [Fact]
    public void A_bad_list_element_is_named_by_its_position_in_the_list()
    {
        var record = JsonLine("{\"answer_start\": [3, 4.5]}");

        var error = Assert.Throws<DataFormatException>(() => record.Integers("answer_start"));

        Assert.EndsWith("column 'answer_start': element 2: expected an integer such as 0, 7 or -3, got the number 4.5.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_types_are_kept_a_number_reads_as_text_but_a_string_never_as_a_number()
    {
        var record = JsonLine("{\"label\": 3, \"score\": \"0.5\", \"whole\": 2.0}");

        Assert.Equal("3", record.String("label"));
        Assert.Throws<DataFormatException>(() => record.Number("score"));
        Assert.Throws<DataFormatException>(() => record.Integer("whole"));
        Assert.Equal(2.0, record.Number("whole"));
    }

    [Fact]
    public void Optional_strings_are_null_for_an_absent_column_a_null_and_an_empty_cell()
    {
        var csv = Csv("text_a,text_b\nhello,\n");
        var json = JsonLine("{\"text_a\": \"hello\", \"text_b\": null}");

        Assert.Null(csv.OptionalString("text_b"));
        Assert.Equal("", csv.String("text_b"));
        Assert.Null(json.OptionalString("text_b"));
        Assert.Null(json.OptionalString("text_c"));
        Assert.True(json.Has("text_b"));
        Assert.False(json.Has("text_c"));
        Assert.Equal("hello", json.OptionalString("text_a"));
        Assert.Throws<DataFormatException>(() => json.String("text_b"));
    }

    [Fact]
    public void A_struct_asked_of_a_string_says_what_the_value_is()
    {
        var record = JsonLine("{\"choices\": \"A B C\"}");

        var error = Assert.Throws<DataFormatException>(() => record.Struct("choices"));

        Assert.EndsWith("column 'choices': expected a struct (named fields, such as a JSON object), got the string \"A B C\".", error.Message, StringComparison.Ordinal);
    }

    private static DataRecord Csv(string text) => ReadSingle("data.csv", text);

    private static DataRecord JsonLine(string line) => ReadSingle("data.jsonl", line + "\n");

    // The record outlives the file: it holds its values, not the reader.
    private static DataRecord ReadSingle(string name, string text)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File(name);
        File.WriteAllText(path, text);
        return RecordReaders.Open(path).Read().Single();
    }
}
