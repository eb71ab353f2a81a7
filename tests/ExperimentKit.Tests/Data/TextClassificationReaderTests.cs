using ExperimentKit.Data;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests.Data;

public sealed class TextClassificationReaderTests
{
    private static readonly DatasetSpec Mrpc = new()
    {
        Name = "glue/mrpc",
        TextA = "sentence1",
        TextB = "sentence2",
        LabelNames = new EquatableArray<string>(["not_equivalent", "equivalent"]),
    };

    [Fact]
    public void Mrpc_splits_have_the_published_sizes_and_the_original_text()
    {
        var root = new DataRoot([TestData.Root]);

        var train = TextClassificationReader.Read(Mrpc, ProblemType.SingleLabelClassification, DatasetSplit.Train, root);
        var validation = TextClassificationReader.Read(Mrpc, ProblemType.SingleLabelClassification, DatasetSplit.Validation, root);

        Assert.Equal(3668, train.Count);
        Assert.Equal(408, validation.Count);
        Assert.Equal([1f], train[0].Labels);
        Assert.StartsWith("Amrozi accused his brother, whom he called \"the witness\"", train[0].TextA, StringComparison.Ordinal);
        Assert.Equal(2474, train.Count(e => e.Labels[0] == 1));
        Assert.Equal(279, validation.Count(e => e.Labels[0] == 1));
    }

    [Fact]
    public void Max_train_samples_takes_the_first_rows()
    {
        var spec = Mrpc with { MaxTrainSamples = 64 };

        var train = TextClassificationReader.Read(spec, ProblemType.SingleLabelClassification, DatasetSplit.Train, new DataRoot([TestData.Root]));

        Assert.Equal(64, train.Count);
        Assert.Equal(2, train[0].Line);
    }

    [Fact]
    public void A_row_with_a_missing_field_names_the_file_and_line()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("train.tsv"), "label\tsentence1\tsentence2\n1\ta\tb\n0\tonly one\n");
        var spec = new DatasetSpec { Path = folder.Path, TextA = "sentence1", TextB = "sentence2", LabelNames = new EquatableArray<string>(["no", "yes"]) };

        var error = Assert.Throws<DataFormatException>(() => TextClassificationReader.Read(spec, ProblemType.SingleLabelClassification, DatasetSplit.Train, new DataRoot([folder.Path])));

        Assert.Equal(3, error.Line);
        Assert.Contains("train.tsv:3: expected 3 tab-separated fields as in the header, found 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_label_lists_the_valid_ones()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("train.tsv"), "label\tsentence1\tsentence2\nmaybe\ta\tb\n");
        var spec = new DatasetSpec { Path = folder.Path, TextA = "sentence1", TextB = "sentence2", LabelNames = new EquatableArray<string>(["no", "yes"]) };

        var error = Assert.Throws<DataFormatException>(() => TextClassificationReader.Read(spec, ProblemType.SingleLabelClassification, DatasetSplit.Train, new DataRoot([folder.Path])));

        Assert.Contains("train.tsv:2:1: label 'maybe' in column 'label' is neither a label id 0..1 nor one of no, yes", error.Message, StringComparison.Ordinal);
    }
}
