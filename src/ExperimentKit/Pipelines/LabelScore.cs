namespace ExperimentKit.Pipelines;

/// <summary>text-classification's <c>{"label", "score"}</c>.</summary>
public sealed record LabelScore(string Label, float Score);
