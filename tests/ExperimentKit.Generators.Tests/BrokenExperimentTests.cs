using ExperimentKit.Generators.Tests.Infrastructure;

namespace ExperimentKit.Generators.Tests;

public class BrokenExperimentTests
{
    /// <summary>Each broken file as the build log would print its findings, in one golden file for review at a glance.</summary>
    [Fact]
    public void Broken_experiments_report_exactly_the_golden_diagnostics()
    {
        var lines = new List<string>();
        foreach (var path in Directory.GetFiles(TestPaths.Combine("BrokenExperiments"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/" + Path.GetFileName(path), File.ReadAllText(path)));

            Assert.Empty(result.GeneratedSources);
            lines.AddRange(result.Diagnostics.Select(GeneratorHarness.Format));
        }

        Golden.Match(string.Join("\n", lines) + "\n", "Snapshots/BrokenExperiments.diagnostics.txt");
    }

    [Fact]
    public void Diagnostics_point_at_the_absolute_file_path()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/bad.yaml", "model: {hiden_size: 1}\n"));
        var span = result.Diagnostics.Single(d => d.Id == "EK0101").Location.GetLineSpan();

        Assert.Equal("/project/experiments/bad.yaml", span.Path);
        Assert.Equal(new(0, 8), span.StartLinePosition);
    }

    [Fact]
    public void A_second_experiment_with_the_same_name_is_an_error_and_is_not_emitted()
    {
        var yaml = TestPaths.ReadText("Fixtures/experiments/mrpc.yaml");

        var result = GeneratorHarness.Run(
            GeneratorHarness.File("experiments/mrpc.yaml", yaml),
            GeneratorHarness.File("experiments/mrpc-copy.yaml", yaml));

        Assert.Equal(["MrpcExperiment.g.cs"], result.GeneratedSources.Select(s => s.HintName));
        Assert.Equal(
            ["experiments/mrpc-copy.yaml(3,7): error EK0301: experiment name 'mrpc' is already used by experiments/mrpc.yaml; give this file its own 'name:'"],
            result.Diagnostics.Select(GeneratorHarness.Format));
    }

    [Fact]
    public void Label_names_that_clash_as_identifiers_are_an_error()
    {
        var yaml = TestPaths.ReadText("Fixtures/experiments/mrpc.yaml")
            .Replace("  name: glue/mrpc", "  name: glue/mrpc\n  label_names: [not-equivalent, not_equivalent]", StringComparison.Ordinal);

        var result = GeneratorHarness.Run(GeneratorHarness.File("experiments/mrpc.yaml", yaml));

        Assert.Empty(result.GeneratedSources);
        Assert.Equal(
            ["experiments/mrpc.yaml(13,16): error EK0302: label names 'not-equivalent', 'not_equivalent' all become the C# name 'NotEquivalent'; rename one of them"],
            result.Diagnostics.Select(GeneratorHarness.Format));
    }
}
