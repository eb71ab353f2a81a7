namespace ExperimentKit.Tests.Docs;

/// <summary>The documentation whose blocks are exercised: README.md and every Markdown file under docs/.</summary>
internal static class DocFiles
{
    public static string Root => TestData.RepositoryRoot;

    /// <summary>Paths relative to the repository root, with '/' separators, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "README.md",
        .. Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestData.RepositoryRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    public static IReadOnlyList<FencedBlock> Blocks { get; } = [.. All.SelectMany(file => MarkdownBlocks.Read(file, File.ReadAllText(Path.Combine(Root, file))))];

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
