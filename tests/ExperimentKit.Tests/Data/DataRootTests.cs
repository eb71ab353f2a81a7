using ExperimentKit.Data;

namespace ExperimentKit.Tests.Data;

public sealed class DataRootTests
{
    [Fact]
    public void A_missing_file_names_every_path_tried()
    {
        var root = new DataRoot(["/nowhere/a", "/nowhere/b"]);

        var error = Assert.Throws<DataFileNotFoundException>(() => root.Locate("glue/mrpc/train.tsv", "train file"));

        Assert.Contains("/nowhere/a/glue/mrpc/train.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere/b/glue/mrpc/train.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains(DataRoot.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_root_that_holds_the_file_wins()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        File.WriteAllText(second.File("vocab.txt"), "[PAD]\n");

        var found = new DataRoot([first.Path, second.Path]).Locate("vocab.txt", "vocabulary");

        Assert.Equal(second.File("vocab.txt"), found);
    }

    [Fact]
    public void The_default_roots_find_the_shared_data_beside_the_repository()
    {
        var experiment = Path.Combine(TestData.RepositoryRoot, "experiments", "mrpc.yaml");

        var root = DataRoot.Resolve(configuredRoot: null, experiment);

        Assert.Contains(Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "data")), root.Candidates);
    }
}
