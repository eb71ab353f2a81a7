using ExperimentKit.Data;

namespace ExperimentKit.Benchmarks;

/// <summary>The benchmark inputs: every MRPC pair (train, dev, test) and every SST-2 training sentence.</summary>
internal sealed record BenchmarkData(string VocabPath, IReadOnlyList<string> Sentences, IReadOnlyList<(string First, string Second)> Pairs)
{
    /// <summary>$EXPERIMENTKIT_DATA_ROOT, else ../shared/data beside the repository that holds this program.</summary>
    public static BenchmarkData Load()
    {
        string root = Environment.GetEnvironmentVariable(DataRoot.EnvironmentVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(
                DataRoot.FindRepositoryRoot(AppContext.BaseDirectory)
                    ?? throw new DirectoryNotFoundException($"No ExperimentKit.sln above {AppContext.BaseDirectory}; set {DataRoot.EnvironmentVariable}."),
                "..",
                "shared",
                "data");
        string Glue(string task, string file) => Path.Combine(root, "glue", task, file);

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
            Path.Combine(root, "models", "bert-base-uncased", "vocab.txt"),
            [.. sst2.Rows.Select(row => row.Fields[sentence])],
            pairs);
    }
}
