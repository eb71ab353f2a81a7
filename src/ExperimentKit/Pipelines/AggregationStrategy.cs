namespace ExperimentKit.Pipelines;

/// <summary>token-classification's <c>aggregation_strategy</c>, as transformers' AggregationStrategy.</summary>
public enum AggregationStrategy
{
    /// <summary>One result per token, no grouping.</summary>
    None,

    /// <summary>Adjacent tokens of one entity type grouped (B- starts a new group); words may split.</summary>
    Simple,

    /// <summary>Each word takes its first token's label and score, then grouped as Simple.</summary>
    First,

    /// <summary>Each word takes the label of its tokens' averaged scores, then grouped as Simple.</summary>
    Average,

    /// <summary>Each word takes the label and score of its most confident token, then grouped as Simple.</summary>
    Max,
}
