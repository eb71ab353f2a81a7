using ExperimentKit.Data;
using ExperimentKit.Data.Records;

namespace ExperimentKit.Tests.Data.Records;

public sealed class TsvRecordReaderTests
{
    [Fact]
    public void Quotes_are_text_not_quoting()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("train.tsv");
        File.WriteAllText(path, "sentence\tlabel\nhe called \"the witness\"\t1\n\"\t0\n");

        var records = new TsvRecordReader(path).Read().ToList();

        Assert.Equal(["he called \"the witness\"", "\""], records.Select(r => r.String("sentence")));
        Assert.Equal([2, 3], records.Select(r => r.Position.Number));
    }

    [Fact]
    public void A_row_of_the_wrong_width_names_the_file_and_line()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("train.tsv");
        File.WriteAllText(path, "sentence\tlabel\na\t1\nonly one\n");

        var error = Assert.Throws<DataFormatException>(() => new TsvRecordReader(path).Read().ToList());

        Assert.Equal($"{path}:3: expected 2 tab-separated fields as in the header, found 1.", error.Message);
    }

    [Fact]
    public void Mrpc_dev_reads_through_the_layer_with_its_byte_order_mark_stripped()
    {
        var records = RecordReaders.Open(TestData.Path("glue", "mrpc", "dev.tsv")).Read().ToList();

        Assert.Equal(408, records.Count);
        Assert.Equal("Quality", records[0].Columns[0]);
        Assert.Equal(279, records.Count(r => r.Integer("Quality") == 1));
        Assert.Equal(2, records[0].Position.Number);
    }
}
