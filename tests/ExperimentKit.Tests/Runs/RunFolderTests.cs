using ExperimentKit.Runs;

namespace ExperimentKit.Tests.Runs;

public sealed class RunFolderTests
{
    [Fact]
    public void Runs_started_in_the_same_second_each_get_their_own_folder()
    {
        using var output = new TemporaryFolder();
        var started = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);

        // Eight creators racing for one name, as the processes of a sweep would, over many rounds: the window between
        // "is the name free" and "create it" is short, so one round alone would seldom hit it.
        var folders = Enumerable.Range(0, 100).SelectMany(round => Race(output.Path, started.AddSeconds(round), creators: 8)).ToArray();

        Assert.Equal(folders.Length, folders.Select(f => f.Path).Distinct().Count());
    }

    private static RunFolder[] Race(string outputDirectory, DateTime started, int creators)
    {
        using var ready = new Barrier(creators);
        var folders = new RunFolder[creators];
        var threads = Enumerable.Range(0, creators)
            .Select(index => new Thread(() =>
            {
                ready.SignalAndWait();
                folders[index] = RunFolder.Create(outputDirectory, started);
            }))
            .ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return folders;
    }

    [Fact]
    public void A_completed_run_keeps_no_claim_file()
    {
        using var output = new TemporaryFolder();
        var run = RunFolder.Create(output.Path, DateTime.UtcNow);

        run.Complete();

        Assert.Empty(Directory.GetFileSystemEntries(run.FinalPath));
    }

    [Fact]
    public void A_name_taken_by_an_interrupted_run_is_skipped()
    {
        using var output = new TemporaryFolder();
        var started = new DateTime(2026, 12, 2, 6, 0, 0, DateTimeKind.Utc);
        Directory.CreateDirectory(Path.Combine(output.Path, "20261202-060000.incomplete"));

        var run = RunFolder.Create(output.Path, started);

        Assert.EndsWith("20261202-060000-1", run.FinalPath, StringComparison.Ordinal);
    }
}
