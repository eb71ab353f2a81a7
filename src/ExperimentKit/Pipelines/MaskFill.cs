namespace ExperimentKit.Pipelines;

/// <summary>fill-mask's <c>{score, token, token_str, sequence}</c>: one candidate for one [MASK].</summary>
/// <param name="Sequence">The input with this token in the mask's place, decoded (special tokens left out when there is one mask).</param>
public sealed record MaskFill(float Score, int Token, string TokenStr, string Sequence);
