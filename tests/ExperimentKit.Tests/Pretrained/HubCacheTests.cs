using ExperimentKit.Models.Pretrained;

namespace ExperimentKit.Tests.Pretrained;

/// <summary>The hub cache layout, on a fake cache tree built by each test.</summary>
public sealed class HubCacheTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Refs_main_points_at_the_snapshot_folder()
    {
        using var cache = new TemporaryFolder();
        var snapshot = FakeModel(cache.Path, "org/model");

        var found = new HubCache(cache.Path).FindSnapshot("org/model");

        Assert.Equal(snapshot, found);
    }

    [Fact]
    public void A_commit_hash_finds_its_snapshot_without_a_ref()
    {
        using var cache = new TemporaryFolder();
        var snapshot = FakeModel(cache.Path, "org/model");
        File.Delete(Path.Combine(cache.Path, "models--org--model", "refs", "main"));

        Assert.Equal(snapshot, new HubCache(cache.Path).FindSnapshot("org/model", Commit));
        Assert.Null(new HubCache(cache.Path).FindSnapshot("org/model"));
    }

    [Fact]
    public void The_resolver_takes_a_hub_id_from_the_cache_and_a_folder_as_it_is()
    {
        using var cache = new TemporaryFolder();
        var snapshot = FakeModel(cache.Path, "org/model");

        Assert.Equal(snapshot, PretrainedResolver.Resolve("org/model", new HubCache(cache.Path)).Path);
        Assert.Equal(snapshot, PretrainedResolver.Resolve(snapshot, new HubCache("/nowhere")).Path);
    }

    [Fact]
    public void A_missing_checkpoint_names_the_folder_and_files_looked_for()
    {
        using var cache = new TemporaryFolder();

        var error = Assert.Throws<FileNotFoundException>(() => PretrainedResolver.Resolve("bert-base-uncased", new HubCache(cache.Path)));

        Assert.Contains(Path.Combine(cache.Path, "models--bert-base-uncased", "snapshots"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cache.Path, "models--bert-base-uncased", "refs", "main"), error.Message, StringComparison.Ordinal);
        Assert.Contains("config.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("model.safetensors", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing is downloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_config_json_is_not_a_model()
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<FileNotFoundException>(() => PretrainedResolver.Resolve(folder.Path, new HubCache("/nowhere")));

        Assert.Contains("config.json is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_a_snapshot_leaves_no_temporary_folder_and_sets_the_ref()
    {
        using var cache = new TemporaryFolder();
        var hub = new HubCache(cache.Path);

        var snapshot = hub.WriteSnapshot("org/new", Commit, folder => File.WriteAllText(Path.Combine(folder, "config.json"), "{}"));

        Assert.Equal(snapshot, hub.FindSnapshot("org/new"));
        Assert.Equal(["config.json"], Directory.GetFiles(snapshot).Select(Path.GetFileName));
        Assert.Single(Directory.GetDirectories(Path.Combine(hub.RepositoryFolder("org/new"), "snapshots")));
    }

    [Fact]
    public void A_process_that_loses_the_race_to_place_a_snapshot_uses_the_winners()
    {
        using var cache = new TemporaryFolder();
        var hub = new HubCache(cache.Path);

        // While this process writes its copy, another one places the same snapshot: the rename then finds it there.
        var snapshot = hub.WriteSnapshot("org/new", Commit, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), "{\"ours\": true}");
            var winner = Directory.CreateDirectory(Path.Combine(hub.RepositoryFolder("org/new"), "snapshots", Commit)).FullName;
            File.WriteAllText(Path.Combine(winner, "config.json"), "{\"winner\": true}");
        });

        Assert.Equal("{\"winner\": true}", File.ReadAllText(Path.Combine(snapshot, "config.json")));
        Assert.Equal(snapshot, hub.FindSnapshot("org/new"));
        Assert.Single(Directory.GetDirectories(Path.Combine(hub.RepositoryFolder("org/new"), "snapshots")));
    }

    private static string FakeModel(string cache, string repoId)
    {
        var repository = Path.Combine(cache, "models--" + repoId.Replace("/", "--", StringComparison.Ordinal));
        var snapshot = Path.Combine(repository, "snapshots", Commit);
        Directory.CreateDirectory(snapshot);
        Directory.CreateDirectory(Path.Combine(repository, "refs"));
        File.WriteAllText(Path.Combine(repository, "refs", "main"), Commit);
        File.WriteAllText(Path.Combine(snapshot, "config.json"), "{}");
        return snapshot;
    }
}
