using System.Diagnostics;

namespace ExperimentKit.Generators.Tests;

/// <summary>
/// A broken YAML in an experiments/ folder fails a real `dotnet build`, and the compiler prints the error at
/// the YAML's line and column. The project is a throwaway one in a temp folder that loads the generator the
/// way the root project does (as an analyzer, with the schema library and YamlDotNet beside it).
/// </summary>
public sealed class BuildIntegrationTests
{
    [Fact]
    public void A_broken_experiment_fails_dotnet_build_with_a_located_error()
    {
        var folder = Path.Combine(Path.GetTempPath(), "experimentkit-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "experiments"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "experiments", "broken.yaml"), "name: broken\nmodel:\n  hiden_size: 128\n");
            File.WriteAllText(Path.Combine(folder, "Probe.csproj"), ProjectLoadingTheGenerator(AppContext.BaseDirectory));

            var (exitCode, output) = DotnetBuild(folder);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("experiments/broken.yaml(3,3): error EK0101: unknown key 'hiden_size'", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ProjectLoadingTheGenerator(string binaries) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
            <Analyzer Include="{binaries}ExperimentKit.Generators.dll" />
            <Analyzer Include="{binaries}ExperimentKit.Schema.dll" />
            <Analyzer Include="{binaries}YamlDotNet.dll" />
            <AdditionalFiles Include="experiments/*.yaml" />
          </ItemGroup>
        </Project>
        """;

    private static (int ExitCode, string Output) DotnetBuild(string folder)
    {
        var start = new ProcessStartInfo("dotnet", "build -nologo -v q")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // `dotnet test` sets MSBuild variables for its own build; a nested build must not inherit them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
