namespace ExperimentKit.Schema.Tests;

/// <summary>Files of the repository (the folder holding ExperimentKit.sln), found by walking up from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Locate(AppContext.BaseDirectory);

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static IEnumerable<string> Experiments() =>
        Directory.EnumerateFiles(Path("experiments"), "*.yaml").Order(StringComparer.Ordinal);

    private static string Locate(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ExperimentKit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ExperimentKit.sln above {start}: run the tests from inside the repository.");
    }
}
