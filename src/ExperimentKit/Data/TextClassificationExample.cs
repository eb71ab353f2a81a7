namespace ExperimentKit.Data;

/// <summary>One row of a text-classification split: a sentence (or pair) and its label id.</summary>
public sealed record TextClassificationExample(int Line, string TextA, string? TextB, int Label);
