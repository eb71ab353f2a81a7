namespace ExperimentKit.Models.Pretrained;

/// <summary>The local NuGet package folder ($NUGET_PACKAGES, else ~/.nuget/packages), where restore puts packages.</summary>
public static class NuGetPackages
{
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            return string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")
                : configured;
        }
    }

    /// <summary>A file inside a restored package, e.g. `lib/netstandard2.1/X.dll` of `X` 1.0.0.</summary>
    public static string FileOf(string packageId, string version, string relativePath) =>
        Path.Combine(Root, packageId.ToLowerInvariant(), version, relativePath);
}
