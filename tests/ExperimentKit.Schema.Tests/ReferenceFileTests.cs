using ExperimentKit.Schema.Reference;

namespace ExperimentKit.Schema.Tests;

/// <summary>The committed docs/reference.md is the one the key tables give today, as the JSON Schema is (<see cref="JsonSchemaFileTests"/>).</summary>
public class ReferenceFileTests
{
    /// <summary>Set to 1 to write the reference instead of comparing; the same variable rewrites the JSON Schema.</summary>
    private const string WriteVariable = "EXPERIMENTKIT_WRITE_SCHEMA";

    [Fact]
    public void The_committed_reference_is_the_one_the_key_tables_give()
    {
        var path = RepositoryFiles.Path(ExperimentReference.RelativePath);
        var generated = ExperimentReference.Write();
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : null;

        Assert.True(
            committed == generated,
            $"{ExperimentReference.RelativePath} {(committed is null ? "is missing" : "differs from what the key tables in src/ExperimentKit.Schema/Model give")}. "
            + $"Regenerate it from the repository root with `{ExperimentReference.RegenerateCommand}` and commit it.");
    }

    [Fact]
    public void Every_key_of_every_table_is_in_the_reference()
    {
        var reference = ExperimentReference.Write();
        var keys = Model.ExperimentKeys.All
            .Concat(Model.TrainingKeys.All).Concat(Model.DatasetKeys.All).Concat(Model.TaskKeys.All).Concat(Model.TokenizerKeys.All)
            .Concat(Model.CollatorKeys.All).Concat(Model.MetricKeys.All).Concat(Model.SweepKeys.All).Concat(Model.SweepKeys.Distribution.All)
            .Concat(Model.ModelSectionKeys.All)
            .Select(k => k.Name)
            .Concat(Model.ConfigKeyTable.All.SelectMany(t => t.Keys).Select(k => k.Name));

        Assert.All(keys, key => Assert.Contains($"`{key}`", reference, StringComparison.Ordinal));
    }
}
