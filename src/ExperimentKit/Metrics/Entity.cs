namespace ExperimentKit.Metrics;

/// <summary>A chunk of tagged tokens: its type (PER, LOC, ...) and its first and last positions, both inclusive.</summary>
public sealed record Entity(string Type, int Start, int End);
