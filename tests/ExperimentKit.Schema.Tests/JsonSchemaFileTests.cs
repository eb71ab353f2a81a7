using ExperimentKit.Schema.JsonSchema;

namespace ExperimentKit.Schema.Tests;

/// <summary>The committed JSON Schema is the one the key tables give today.</summary>
public class JsonSchemaFileTests
{
    [Fact]
    public void The_committed_schema_is_the_one_the_key_tables_give() =>
        GeneratedFile.AssertCommitted(ExperimentJsonSchema.RelativePath, ExperimentJsonSchema.Write(), ExperimentJsonSchema.RegenerateCommand);
}
