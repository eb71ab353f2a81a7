using ExperimentKit.Data;
using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Benchmarks;

/// <summary>The benchmark inputs: every MRPC pair (train, dev, test) and every SST-2 training sentence.</summary>
internal sealed record BenchmarkData(string VocabPath, IReadOnlyList<string> Sentences, IReadOnlyList<(string First, string Second)> Pairs)
{
    /// <summary>The runtime's data roots ($EXPERIMENTKIT_DATA_ROOT, then ../shared/data beside this program's repository).</summary>
    public static DataRoot Root => DataRoot.Resolve(configuredRoot: null, AppContext.BaseDirectory);

    /// <summary>The 408 MRPC validation pairs, read as the experiments read them.</summary>
    public static IReadOnlyList<TextClassificationExample> MrpcValidation()
    {
        var spec = new DatasetSpec { Name = KnownDatasets.Mrpc.Name, TextA = KnownDatasets.Mrpc.TextA, TextB = KnownDatasets.Mrpc.TextB, LabelNames = KnownDatasets.Mrpc.LabelNames };
        return TextClassificationReader.Read(spec, ProblemType.SingleLabelClassification, DatasetSplit.Validation, Root);
    }

    public static BenchmarkData Load()
    {
        var root = Root;
        string Glue(string task, string file) => root.Locate(Path.Combine("glue", task, file), $"GLUE {task} {file}");

        var sst2 = TsvTable.Read(Glue("sst-2", "train.tsv"), hasHeader: true);
        int sentence = sst2.ColumnIndex("sentence");
        var pairs = new List<(string, string)>();
        foreach (string split in new[] { "train.tsv", "dev.tsv", "test.tsv" })
        {
            var mrpc = TsvTable.Read(Glue("mrpc", split), hasHeader: true);
            int first = mrpc.ColumnIndex("#1 String");
            int second = mrpc.ColumnIndex("#2 String");
            pairs.AddRange(mrpc.Rows.Select(row => (row.Fields[first], row.Fields[second])));
        }

        return new BenchmarkData(
            root.Locate(Path.Combine("models", "bert-base-uncased", "vocab.txt"), "bert-base-uncased vocabulary"),
            [.. sst2.Rows.Select(row => row.Fields[sentence])],
            pairs);
    }
}
