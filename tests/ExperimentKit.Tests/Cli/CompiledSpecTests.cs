using ExperimentKit.Experiments;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.EndToEnd;

namespace ExperimentKit.Tests.Cli;

/// <summary>The compiled spec is what runs: the file agrees with it, or the difference is named.</summary>
public sealed class CompiledSpecTests
{
    private static ExperimentSpec Compiled => ExperimentKit.Experiments.MrpcTinyConfig.Compiled.ToSpec();

    [Fact]
    public void The_generated_spec_equals_the_file_it_was_compiled_from()
    {
        var file = ExperimentFiles.Load("mrpc-tiny.yaml", Compiled.Training.OutputDir);

        Assert.Empty(CompiledSpec.Drift(Compiled, file));
        Assert.Equal(Compiled with { Locations = file.Locations }, CompiledSpec.ToRun(Compiled, file, differsOnPurpose: false));
    }

    [Fact]
    public void An_edit_since_the_build_names_the_sections_that_differ()
    {
        var edited = Compiled with { Training = Compiled.Training with { LearningRate = 0.5 }, Metrics = EquatableArray<MetricSpec>.Empty };

        Assert.Equal(["metrics", "training"], CompiledSpec.Drift(Compiled, edited));
    }

    [Fact]
    public void Settings_the_generated_types_are_built_from_are_named_and_others_are_not()
    {
        var resized = Compiled with { Model = ((BertSpec)Compiled.Model) with { HiddenSize = 128 } };
        var relabelled = Compiled with { Dataset = Compiled.Dataset with { LabelNames = new(["a", "b", "c"]) } };
        var regression = Compiled with { Task = new SequenceClassificationTaskSpec { ProblemType = ProblemType.Regression } };

        Assert.Empty(CompiledSpec.TypeChanges(Compiled, resized));
        Assert.Equal(["dataset.label_names", "num_labels"], CompiledSpec.TypeChanges(Compiled, relabelled));
        Assert.Equal(["num_labels"], CompiledSpec.TypeChanges(Compiled, regression));
    }
}
