using ExperimentKit.Generators.Tests.Infrastructure;

namespace ExperimentKit.Generators.Tests;

public class MrpcGoldenTests
{
    private static readonly string MrpcYaml = TestPaths.ReadText("Fixtures/experiments/mrpc.yaml");

    [Fact]
    public void Mrpc_generates_one_file_and_no_diagnostics()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/mrpc.yaml", MrpcYaml));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["MrpcExperiment.g.cs"], result.GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void Mrpc_generated_source_matches_golden_file()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/mrpc.yaml", MrpcYaml));

        Golden.Match(result.GeneratedSources.Single().SourceText.ToString(), "Snapshots/MrpcExperiment.g.cs");
    }

    [Fact]
    public void Generated_source_compiles_against_the_runtime_contract()
    {
        var output = GeneratorHarness.CompileAgainstContract(GeneratorHarness.File("experiments/mrpc.yaml", MrpcYaml));

        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Without_token_type_ids_the_batch_has_none_and_the_model_passes_null()
    {
        var yaml = MrpcYaml.Replace("  padding: longest", "  padding: longest\n  return_token_type_ids: false", StringComparison.Ordinal);
        var output = GeneratorHarness.CompileAgainstContract(GeneratorHarness.File("experiments/mrpc.yaml", yaml));
        var generated = output.SyntaxTrees.Last().ToString();

        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.DoesNotContain("Tensor TokenTypeIds", generated, StringComparison.Ordinal);
        Assert.Contains("forward(batch.InputIds, batch.AttentionMask, null, batch.Labels)", generated, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mrpc-tiny", "MrpcTinyExperiment.g.cs")]
    [InlineData("sst2_small", "Sst2SmallExperiment.g.cs")]
    public void Type_names_are_pascal_case_of_the_experiment_name(string name, string hintName)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/x.yaml", MrpcYaml.Replace("name: mrpc", "name: " + name, StringComparison.Ordinal)));

        Assert.Equal([hintName], result.GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void Name_defaults_to_the_file_name_and_the_source_file_is_project_relative()
    {
        var yaml = MrpcYaml.Replace("name: mrpc\n", string.Empty, StringComparison.Ordinal);
        var result = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/sub/experiments/glue/rte-base.yml", yaml));
        var source = result.GeneratedSources.Single();

        Assert.Equal("RteBaseExperiment.g.cs", source.HintName);
        Assert.Contains("new ExperimentRegistration(\"rte-base\", \"experiments/glue/rte-base.yml\"", source.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/project/config/mrpc.yaml")]
    [InlineData("/project/experiments/mrpc.json")]
    [InlineData("/project/my-experiments/mrpc.yaml")]
    public void Files_outside_an_experiments_folder_are_ignored(string path)
    {
        var result = GeneratorHarness.Run(new InMemoryAdditionalText(path, MrpcYaml));

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }
}
