using System.Text.Json.Serialization;
using ExperimentKit.Data;
using ExperimentKit.Data.Records;
using Parquet;
using Parquet.Serialization;

namespace ExperimentKit.Tests.Data.Records;

public sealed class ParquetRecordReaderTests
{
    [Fact]
    public void Rows_of_every_row_group_read_with_their_types_and_are_numbered_across_groups()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("train.parquet");
        Write(path, Enumerable.Range(0, 5).Select(i => new Row
        {
            Id = i == 3 ? null : $"r{i}",
            Count = 10_000_000_000L + i,
            Small = -i,
            Score = i / 4.0,
            Ratio = 1.5f,
            Flag = i % 2 == 0,
            Tags = ["a", $"b{i}"],
            Ids = [i, i + 1],
            Answers = new Answers { Text = [$"t{i}"], AnswerStart = [i * 10] },
        }));

        var records = new ParquetRecordReader(path).Read().ToList();

        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.Position.Number));
        Assert.All(records, r => Assert.Equal(RecordUnit.Row, r.Position.Unit));
        Assert.Equal(["id", "count", "small", "score", "ratio", "flag", "tags", "ids", "answers"], records[0].Columns);
        Assert.Equal(["r0", "r1", "r2", null, "r4"], records.Select(r => r.OptionalString("id")));
        Assert.Equal(10_000_000_004L, records[4].Integer("count"));
        Assert.Equal(-4L, records[4].Integer("small"));
        Assert.Equal(0.75, records[3].Number("score"));
        Assert.Equal(1.5, records[3].Number("ratio"));
        Assert.Equal([true, false, true, false, true], records.Select(r => r.Boolean("flag")));
        Assert.Equal(["a", "b2"], records[2].Strings("tags"));
        Assert.Equal([2L, 3L], records[2].Integers("ids"));
        Assert.Equal(["t4"], records[4].Struct("answers").Strings("text"));
        Assert.Equal([40L], records[4].Struct("answers").Integers("answer_start"));
    }

    [Fact]
    public void A_string_where_an_integer_is_needed_names_the_file_row_and_column()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("train.parquet");
        Write(path, [new Row { Id = "r0" }, new Row { Id = "seven" }]);

        var error = Assert.Throws<DataFormatException>(() => new ParquetRecordReader(path).Read().ElementAt(1).Integer("id"));

        Assert.Equal($"{path}: row 2: column 'id': expected an integer such as 0, 7 or -3, got the string \"seven\".", error.Message);
    }

    [Fact]
    public void A_column_of_an_unsupported_type_is_an_error_naming_it_and_its_Parquet_type_only_when_read()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("events.parquet");
        Write(path, [new Event { Name = "launch", At = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) }]);

        var record = new ParquetRecordReader(path).Read().Single();
        var error = Assert.Throws<DataFormatException>(() => record.String("at"));

        Assert.Equal("launch", record.String("name"));
        Assert.Equal("at", error.ColumnName);
        Assert.Contains("got a value of Parquet type INT96 (DateTime), which records do not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_Parquet_says_so()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("train.parquet");
        File.WriteAllText(path, "text,label\n");

        var error = Assert.Throws<InvalidDataException>(() => new ParquetRecordReader(path).Read().ToList());

        Assert.StartsWith($"{path}: not a Parquet file", error.Message, StringComparison.Ordinal);
    }

    // Small row groups, so that a handful of rows spans three of them.
    private static void Write<T>(string path, IEnumerable<T> rows) =>
        ParquetSerializer.SerializeAsync(rows, path, new ParquetOptions { RowGroupSize = 2 }).GetAwaiter().GetResult();

    private sealed class Row
    {
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        [JsonPropertyName("count")]
        public long Count { get; set; }

        [JsonPropertyName("small")]
        public int Small { get; set; }

        [JsonPropertyName("score")]
        public double Score { get; set; }

        [JsonPropertyName("ratio")]
        public float Ratio { get; set; }

        [JsonPropertyName("flag")]
        public bool Flag { get; set; }

        [JsonPropertyName("tags")]
        public List<string> Tags { get; set; } = [];

        [JsonPropertyName("ids")]
        public List<int> Ids { get; set; } = [];

        [JsonPropertyName("answers")]
        public Answers Answers { get; set; } = new();
    }

    private sealed class Answers
    {
        [JsonPropertyName("text")]
        public List<string> Text { get; set; } = [];

        [JsonPropertyName("answer_start")]
        public List<int> AnswerStart { get; set; } = [];
    }

    private sealed class Event
    {
        [JsonPropertyName("name")]
        public string Name { get; set; } = "";

        [JsonPropertyName("at")]
        public DateTime At { get; set; }
    }
}
