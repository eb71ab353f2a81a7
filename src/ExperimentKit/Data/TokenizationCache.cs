namespace ExperimentKit.Data;

/// <summary>
/// Tokenized splits on disk, one file per fingerprint (<see cref="TokenizationFingerprint"/>), so that a second run
/// of the same experiment skips tokenization. A file that cannot be read is reported and rebuilt, never trusted.
/// </summary>
/// <param name="Folder">The cache root; files go to its tokenized/ folder.</param>
public sealed record TokenizationCache(string Folder)
{
    public const string EnvironmentVariable = "EXPERIMENTKIT_CACHE";

    /// <summary>$EXPERIMENTKIT_CACHE, else $XDG_CACHE_HOME/experimentkit, else ~/.cache/experimentkit.</summary>
    public static TokenizationCache FromEnvironment()
    {
        static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        string folder = Variable(EnvironmentVariable)
            ?? Path.Combine(
                Variable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "experimentkit");
        return new TokenizationCache(folder);
    }

    public string PathOf(string fingerprint) => Path.Combine(Folder, "tokenized", fingerprint + ".bin");

    /// <summary>The cached examples; null when there is no file, or (with a warning) when it is unreadable or damaged.</summary>
    public static EncodedExample[]? TryLoad(string path, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(warn);
        try
        {
            return File.Exists(path) ? EncodedExamplesFile.FromBytes(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            warn($"Warning: ignoring tokenization cache {path} ({e.Message}); tokenizing again.");
            return null;
        }
    }

    /// <summary>
    /// Writes a temporary file and renames it, so a reader never sees half a file; a failure (read-only or full disk)
    /// costs only the next run's time, so it is a warning. Returns whether the file was saved.
    /// </summary>
    public static bool Save(string path, IReadOnlyList<EncodedExample> examples, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(warn);
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, EncodedExamplesFile.ToBytes(examples));
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"Warning: could not save tokenization cache {path} ({e.Message}).");
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            return false;
        }
    }
}
