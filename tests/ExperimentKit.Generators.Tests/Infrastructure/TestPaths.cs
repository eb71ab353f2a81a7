using System.Reflection;

namespace ExperimentKit.Generators.Tests.Infrastructure;

/// <summary>The test project's source folder (baked in at build time), where fixtures and golden files live.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestProjectDirectory")
        .Value!;

    public static string Combine(string relativePath) => Path.Combine(ProjectDirectory, relativePath);

    public static string ReadText(string relativePath) => File.ReadAllText(Combine(relativePath)).ReplaceLineEndings("\n");
}
