using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tests;

/// <summary>An experiment spec built in code: the given head, dataset and metrics, every other section at its default.</summary>
internal static class TestSpecs
{
    public static ExperimentSpec Experiment(TaskSpec task, DatasetSpec dataset, TokenizerSpec? tokenizer = null, params MetricSpec[] metrics) => new(
        "test",
        new BertSpec(),
        task,
        dataset,
        tokenizer ?? new TokenizerSpec(),
        new CollatorSpec(),
        new EquatableArray<MetricSpec>(metrics),
        new TrainingSpec(),
        new SourceMap("test.yaml", EquatableArray<SourceMapEntry>.Empty));
}
