namespace ExperimentKit.Data;

/// <summary>
/// Where data files live. Relative data paths are looked up under each root in order; nothing is ever
/// baked into code except the conventional default, `../shared/data` next to the repository.
/// </summary>
public sealed record DataRoot(IReadOnlyList<string> Candidates)
{
    public const string EnvironmentVariable = "EXPERIMENTKIT_DATA_ROOT";

    /// <summary>
    /// Candidates in priority order: $EXPERIMENTKIT_DATA_ROOT, the YAML's `dataset.data_root`
    /// (relative to the current directory), then `../shared/data` from the current directory and from the
    /// repository that holds the experiment file.
    /// </summary>
    public static DataRoot Resolve(string? configuredRoot, string? experimentFile)
    {
        var candidates = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            candidates.Add(Path.GetFullPath(fromEnvironment));
        }

        if (!string.IsNullOrWhiteSpace(configuredRoot))
        {
            candidates.Add(Path.GetFullPath(configuredRoot));
        }

        candidates.Add(Path.GetFullPath(Path.Combine("..", "shared", "data")));
        var repository = experimentFile is null ? null : FindRepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(experimentFile)));
        if (repository is not null)
        {
            candidates.Add(Path.GetFullPath(Path.Combine(repository, "..", "shared", "data")));
        }

        return new DataRoot(candidates.Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The full path of a data file; an absolute path is taken as it is.</summary>
    public string Locate(string relativeOrAbsolute, string whatItIs) => Find(relativeOrAbsolute, whatItIs, File.Exists);

    /// <summary>The full path of a data file or of a folder of them (a dataset split into shards).</summary>
    public string LocateFileOrFolder(string relativeOrAbsolute, string whatItIs) =>
        Find(relativeOrAbsolute, whatItIs, path => File.Exists(path) || Directory.Exists(path));

    private string Find(string relativeOrAbsolute, string whatItIs, Func<string, bool> exists)
    {
        if (Path.IsPathRooted(relativeOrAbsolute))
        {
            return exists(relativeOrAbsolute)
                ? relativeOrAbsolute
                : throw new DataFileNotFoundException($"{whatItIs} not found: {relativeOrAbsolute}; correct the path in the experiment file");
        }

        var tried = Candidates.Select(root => Path.Combine(root, relativeOrAbsolute)).ToArray();
        return tried.FirstOrDefault(exists) ?? throw new DataFileNotFoundException(
            $"{whatItIs} '{relativeOrAbsolute}' not found. Looked in:{Environment.NewLine}"
            + string.Join(Environment.NewLine, tried.Select(path => "  " + path))
            + $"{Environment.NewLine}Set {EnvironmentVariable} or dataset.data_root to the folder that holds it.");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds ExperimentKit.sln.</summary>
    public static string? FindRepositoryRoot(string? start)
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "ExperimentKit.sln")))
            {
                return directory;
            }
        }

        return null;
    }
}
