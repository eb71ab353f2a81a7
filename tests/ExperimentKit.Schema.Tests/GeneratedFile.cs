namespace ExperimentKit.Schema.Tests;

/// <summary>
/// A committed file written from the key tables (the JSON Schema, the reference) must be what they give today. With
/// EXPERIMENTKIT_WRITE_SCHEMA=1 the test writes it instead of comparing (the failure says how).
/// </summary>
internal static class GeneratedFile
{
    private const string WriteVariable = "EXPERIMENTKIT_WRITE_SCHEMA";

    public static void AssertCommitted(string relativePath, string generated, string regenerateCommand)
    {
        var path = RepositoryFiles.Path(relativePath);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : null;

        Assert.True(
            committed == generated,
            $"{relativePath} {(committed is null ? "is missing" : "differs from what the key tables in src/ExperimentKit.Schema/Model give")}. "
            + $"Regenerate it from the repository root with `{regenerateCommand}` and commit it.");
    }
}
