namespace ExperimentKit.Tests;

/// <summary>
/// The shared data root: $EXPERIMENTKIT_DATA_ROOT, else ../shared/data next to the repo root
/// (the folder holding ExperimentKit.sln), found by walking up from the test binaries.
/// </summary>
public static class TestData
{
    private const string EnvironmentVariable = "EXPERIMENTKIT_DATA_ROOT";

    private static readonly Lazy<string> LazyRoot = new(Locate);

    public static string Root => LazyRoot.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ExperimentKit.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException(
            $"No data root: set {EnvironmentVariable} or run the tests from inside the repository.");
    }
}
