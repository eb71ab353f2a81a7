namespace ExperimentKit.Data;

/// <summary>One row of a text-classification split: a sentence (or pair) and its targets (see <see cref="EncodedExample.Labels"/>).</summary>
public sealed record TextClassificationExample(int Line, string TextA, string? TextB, float[] Labels);
