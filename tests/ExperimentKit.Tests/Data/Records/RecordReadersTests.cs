using ExperimentKit.Data;
using ExperimentKit.Data.Records;

namespace ExperimentKit.Tests.Data.Records;

public sealed class RecordReadersTests
{
    [Theory]
    [InlineData("a/train.csv", DataFileFormat.Csv)]
    [InlineData("a/train.TSV", DataFileFormat.Tsv)]
    [InlineData("a/train.jsonl", DataFileFormat.JsonLines)]
    [InlineData("a/train.json", DataFileFormat.Json)]
    [InlineData("a/train-00000-of-00001.parquet", DataFileFormat.Parquet)]
    public void The_format_comes_from_the_extension(string path, DataFileFormat format) =>
        Assert.Equal(format, RecordReaders.FormatOf(path));

    [Fact]
    public void An_unknown_extension_names_the_supported_ones()
    {
        var error = Assert.Throws<NotSupportedException>(() => RecordReaders.FormatOf("train.txt"));

        Assert.Equal("cannot tell the format of 'train.txt' from its extension; supported: .csv, .tsv, .jsonl, .json, .parquet, or give the format.", error.Message);
    }

    [Fact]
    public void A_given_format_overrides_the_extension()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("train.txt");
        File.WriteAllText(path, "text\tlabel\na,b\t1\n");

        var reader = RecordReaders.Open(path, DataFileFormat.Tsv);

        Assert.Equal(DataFileFormat.Tsv, reader.Format);
        Assert.Equal("a,b", reader.Read().Single().String("text"));
    }

    [Fact]
    public void Opening_a_missing_file_names_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("missing.csv");

        var error = Assert.Throws<DataFileNotFoundException>(() => RecordReaders.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_path_under_none_of_the_roots_names_every_path_tried()
    {
        var root = new DataRoot(["/nowhere/a", "/nowhere/b"]);

        var error = Assert.Throws<DataFileNotFoundException>(() => RecordReaders.DataFiles(root, "reviews/train.jsonl", null, "train file of dataset 'reviews'"));

        Assert.Contains("train file of dataset 'reviews' 'reviews/train.jsonl' not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere/a/reviews/train.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere/b/reviews/train.jsonl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_gives_its_data_files_sorted_by_name_and_a_file_gives_itself()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("train"));
        foreach (var name in new[] { "train-00001-of-00002.jsonl", "train-00000-of-00002.jsonl", "README.md" })
        {
            File.WriteAllText(folder.File("train", name), "{}\n");
        }

        var root = new DataRoot([folder.Path]);

        Assert.Equal(
            [folder.File("train", "train-00000-of-00002.jsonl"), folder.File("train", "train-00001-of-00002.jsonl")],
            RecordReaders.DataFiles(root, "train", null, "train split"));
        Assert.Equal([folder.File("train", "README.md")], RecordReaders.DataFiles(root, "train/README.md", null, "train split"));
    }

    [Fact]
    public void A_folder_of_mixed_formats_needs_the_format_given()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a.csv"), "x\n1\n");
        File.WriteAllText(folder.File("b.jsonl"), "{}\n");
        var root = new DataRoot([folder.Path]);

        var error = Assert.Throws<InvalidDataException>(() => RecordReaders.DataFiles(root, folder.Path, null, "train split"));

        Assert.Contains("holds .csv and .jsonl files; keep one format per folder or give the format", error.Message, StringComparison.Ordinal);
        Assert.Equal([folder.File("b.jsonl")], RecordReaders.DataFiles(root, folder.Path, DataFileFormat.JsonLines, "train split"));
    }

    [Fact]
    public void A_folder_without_data_files_is_not_found()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("notes.txt"), "nothing\n");

        var error = Assert.Throws<DataFileNotFoundException>(() => RecordReaders.DataFiles(new DataRoot([folder.Path]), folder.Path, null, "train split"));

        Assert.Contains("has no data files (.csv, .tsv, .jsonl, .json, .parquet)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_format_has_its_own_stable_fingerprint_which_its_reader_gives()
    {
        using var folder = new TemporaryFolder();
        var formats = Enum.GetValues<DataFileFormat>();
        var fingerprints = formats.Select(RecordReaders.Fingerprint).ToArray();

        Assert.Equal(formats.Length, fingerprints.Distinct(StringComparer.Ordinal).Count());
        Assert.All(fingerprints, f => Assert.StartsWith("records v1; ", f, StringComparison.Ordinal));
        foreach (var format in formats)
        {
            var path = folder.File($"data.{format}");
            File.WriteAllText(path, string.Empty);
            Assert.Equal(RecordReaders.Fingerprint(format), RecordReaders.Open(path, format).Fingerprint);
        }
    }
}
