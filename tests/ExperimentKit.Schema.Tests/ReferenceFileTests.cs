using ExperimentKit.Schema.Reference;

namespace ExperimentKit.Schema.Tests;

/// <summary>The committed docs/reference.md is the one the key tables give today, as the JSON Schema is (<see cref="JsonSchemaFileTests"/>).</summary>
public class ReferenceFileTests
{
    [Fact]
    public void The_committed_reference_is_the_one_the_key_tables_give() =>
        GeneratedFile.AssertCommitted(ExperimentReference.RelativePath, ExperimentReference.Write(), ExperimentReference.RegenerateCommand);

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
