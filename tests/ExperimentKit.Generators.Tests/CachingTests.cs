using ExperimentKit.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ExperimentKit.Generators.Tests;

/// <summary>The pipeline does no work again for input that did not change, and emits nothing new for edits that change no setting.</summary>
public class CachingTests
{
    private static readonly string MrpcYaml = TestPaths.ReadText("Fixtures/experiments/mrpc.yaml");

    [Fact]
    public void Second_run_with_the_same_input_is_cached()
    {
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(GeneratorHarness.File("experiments/mrpc.yaml", MrpcYaml)).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        foreach (var step in new[] { ExperimentGenerator.Steps.Input, ExperimentGenerator.Steps.Parse, ExperimentGenerator.Steps.Duplicates, ExperimentGenerator.Steps.Model })
        {
            Assert.All(
                second.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(
            second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_only_a_comment_reparses_but_does_not_emit_again()
    {
        var compilation = GeneratorHarness.Compilation();
        var original = GeneratorHarness.File("experiments/mrpc.yaml", MrpcYaml);
        var driver = GeneratorHarness.Driver(original).RunGenerators(compilation);

        var edited = GeneratorHarness.File("experiments/mrpc.yaml", "# a new first line moves every location\n" + MrpcYaml);
        var second = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, second.TrackedSteps[ExperimentGenerator.Steps.Parse].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, second.TrackedSteps[ExperimentGenerator.Steps.Model].Single().Outputs.Single().Reason);
    }
}
