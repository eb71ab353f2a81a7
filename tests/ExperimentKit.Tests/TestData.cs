using ExperimentKit.Data;

namespace ExperimentKit.Tests;

/// <summary>
/// The shared data root: $EXPERIMENTKIT_DATA_ROOT, else ../shared/data next to the repo root
/// (the folder holding ExperimentKit.sln), found by walking up from the test binaries.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> LazyRoot = new(Locate);

    public static string Root => LazyRoot.Value;

    /// <summary>The folder holding ExperimentKit.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => DataRoot.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException($"No data root: set {DataRoot.EnvironmentVariable} or run the tests from inside the repository.");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(DataRoot.EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data"));
    }
}
