using ExperimentKit.Schema.JsonSchema;

namespace ExperimentKit.Schema.Tests;

/// <summary>The committed JSON Schema is the one the key tables give today.</summary>
public class JsonSchemaFileTests
{
    /// <summary>Set to 1 to write the schema instead of comparing (the file's $comment and the failure say how).</summary>
    private const string WriteVariable = "EXPERIMENTKIT_WRITE_SCHEMA";

    [Fact]
    public void The_committed_schema_is_the_one_the_key_tables_give()
    {
        var path = RepositoryFiles.Path(ExperimentJsonSchema.RelativePath);
        var generated = ExperimentJsonSchema.Write();
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : null;

        Assert.True(
            committed == generated,
            $"{ExperimentJsonSchema.RelativePath} {(committed is null ? "is missing" : "differs from what the key tables in src/ExperimentKit.Schema/Model give")}. "
            + $"Regenerate it from the repository root with `{ExperimentJsonSchema.RegenerateCommand}` and commit it.");
    }
}
