namespace ExperimentKit.Pipelines;

/// <summary>
/// transformers' pre_entity: one non-special token with its label probabilities, its span in the text and whether it
/// continues the word before (a "##" piece).
/// </summary>
internal sealed record PreEntity(string Word, float[] Scores, int Start, int End, int Index, bool IsSubword);
