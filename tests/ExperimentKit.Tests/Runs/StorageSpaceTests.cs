using ExperimentKit.Runs;

namespace ExperimentKit.Tests.Runs;

public sealed class StorageSpaceTests
{
    [Fact]
    public void More_than_the_free_space_stops_with_both_figures_and_what_needs_them()
    {
        using var folder = new TemporaryFolder();

        var failure = Assert.Throws<IOException>(() => StorageSpace.Require(folder.Path, long.MaxValue, "one checkpoint"));

        Assert.Matches(
            $"^{System.Text.RegularExpressions.Regex.Escape(folder.Path)} has [0-9]+\\.[0-9] MB free, but one checkpoint needs about 9223372036854\\.8 MB: free space, point output_dir elsewhere, or save less often \\(save_strategy, save_total_limit\\)\\.$",
            failure.Message);
    }

    [Fact]
    public void What_fits_passes()
    {
        var free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;

        Assert.True(free > 0, "the temporary folder's file system reports no free space");
        Assert.Null(Record.Exception(() => StorageSpace.Require(Path.GetTempPath(), free / 2, "half the free space")));
    }

    [Fact]
    public void Describe_gives_the_free_space() =>
        Assert.Matches("^[0-9]+\\.[0-9] MB free there$", StorageSpace.Describe(Path.GetTempPath()));
}
