namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// The Hugging Face hub cache, read offline with huggingface_hub's layout:
/// `$HF_HUB_CACHE` (default `$HF_HOME/hub`, HF_HOME default `~/.cache/huggingface`) /
/// `models--{org}--{name}/refs/{revision}` holding a commit hash, and `snapshots/{commit}/` holding the files.
/// </summary>
public sealed record HubCache(string Root)
{
    public static HubCache FromEnvironment()
    {
        var hubCache = Environment.GetEnvironmentVariable("HF_HUB_CACHE");
        if (!string.IsNullOrWhiteSpace(hubCache))
        {
            return new HubCache(hubCache);
        }

        var home = Environment.GetEnvironmentVariable("HF_HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "huggingface");
        }

        return new HubCache(Path.Combine(home, "hub"));
    }

    /// <summary>`models--sentence-transformers--all-MiniLM-L6-v2` for `sentence-transformers/all-MiniLM-L6-v2`.</summary>
    public string RepositoryFolder(string repoId) => Path.Combine(Root, "models--" + repoId.Replace("/", "--", StringComparison.Ordinal));

    /// <summary>The snapshot folder of a revision (a ref such as `main`, or a commit hash), or null when it is not cached.</summary>
    public string? FindSnapshot(string repoId, string revision = "main")
    {
        var repository = RepositoryFolder(repoId);
        var reference = Path.Combine(repository, "refs", revision);
        var commit = File.Exists(reference) ? File.ReadAllText(reference).Trim() : revision;
        var snapshot = Path.Combine(repository, "snapshots", commit);
        return Directory.Exists(snapshot) ? snapshot : null;
    }

    /// <summary>
    /// Places a complete snapshot: the files are written to a temporary folder, which is renamed into
    /// `snapshots/{commit}`, then `refs/{revision}` is pointed at it — so a cache never holds half a model. When another
    /// process places the same snapshot first (two runs of a sweep importing at once), this one uses the winner's: the
    /// commit names the content, so both are the same files.
    /// </summary>
    public string WriteSnapshot(string repoId, string commit, Action<string> writeFiles, string revision = "main")
    {
        var repository = RepositoryFolder(repoId);
        var snapshot = Path.Combine(repository, "snapshots", commit);
        if (!Directory.Exists(snapshot))
        {
            var temporary = Path.Combine(repository, "snapshots", $".{commit}.{Environment.ProcessId}.{Guid.NewGuid():N}.incomplete");
            Directory.CreateDirectory(temporary);
            try
            {
                writeFiles(temporary);
                Directory.Move(temporary, snapshot);
            }
            catch (IOException) when (Directory.Exists(snapshot))
            {
                // Lost the race: the rename fails because the winner's snapshot is in place.
            }
            finally
            {
                if (Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }
            }
        }

        var refs = Path.Combine(repository, "refs");
        Directory.CreateDirectory(refs);
        IO.AtomicFile.WriteAllText(Path.Combine(refs, revision), commit);
        return snapshot;
    }
}
