namespace ExperimentKit.Schema.Model;

/// <summary>One experiment file, validated, with every value's place in the YAML.</summary>
public sealed record ExperimentSpec(
    string Name,
    ModelSpec Model,
    TaskSpec Task,
    DatasetSpec Dataset,
    TokenizerSpec Tokenizer,
    CollatorSpec Collator,
    EquatableArray<MetricSpec> Metrics,
    TrainingSpec Training,
    SourceMap Locations);
