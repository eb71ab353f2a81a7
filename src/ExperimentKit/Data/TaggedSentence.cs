namespace ExperimentKit.Data;

/// <summary>One sentence of a token-classification file: its words and the id of each word's tag.</summary>
/// <param name="Line">1-based line of its first token in the file.</param>
/// <param name="Tokens">The words, as the file splits them.</param>
/// <param name="TagIds">Index of each word's tag in the label names.</param>
public sealed record TaggedSentence(int Line, string[] Tokens, int[] TagIds);
