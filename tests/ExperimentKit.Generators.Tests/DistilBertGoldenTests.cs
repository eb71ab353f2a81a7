using ExperimentKit.Generators.Tests.Infrastructure;

namespace ExperimentKit.Generators.Tests;

/// <summary>A model_type distilbert experiment: DistilBERT's model, config and forward, and a batch without token_type_ids.</summary>
public class DistilBertGoldenTests
{
    private static readonly string Sst2Yaml = TestPaths.ReadText("Fixtures/experiments/sst2-distilbert-tiny.yaml");

    [Fact]
    public void DistilBert_generated_source_matches_golden_file()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/sst2-distilbert-tiny.yaml", Sst2Yaml));

        Assert.Empty(result.Diagnostics);
        Golden.Match(result.GeneratedSources.Single().SourceText.ToString(), "Snapshots/Sst2DistilbertTinyExperiment.g.cs");
    }

    [Fact]
    public void DistilBert_generated_source_compiles_against_the_runtime_contract()
    {
        var output = GeneratorHarness.CompileAgainstContract(GeneratorHarness.File("experiments/sst2-distilbert-tiny.yaml", Sst2Yaml));
        var generated = output.SyntaxTrees.Last().ToString();

        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.DoesNotContain("Tensor TokenTypeIds", generated, StringComparison.Ordinal);
        Assert.Contains("public sealed class Sst2DistilbertTinyModel : DistilBertForSequenceClassification", generated, StringComparison.Ordinal);
        Assert.Contains("forward(batch.InputIds, batch.AttentionMask, batch.Labels)", generated, StringComparison.Ordinal);
    }
}
