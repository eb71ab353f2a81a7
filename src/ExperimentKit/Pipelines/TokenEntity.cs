namespace ExperimentKit.Pipelines;

/// <summary>
/// A token-classification result: with aggregation none transformers' <c>{entity, score, index, word, start, end}</c>
/// for one token; otherwise <c>{entity_group, score, word, start, end}</c> for a group (<see cref="Index"/> null).
/// </summary>
/// <param name="Entity">The label (none) or the entity type without its B-/I- prefix (grouped).</param>
/// <param name="Word">The token (none) or the group's tokens joined as the tokenizer decodes them.</param>
/// <param name="Start">UTF-16 offset of the first character in the input text.</param>
/// <param name="End">UTF-16 offset one past the last character; <c>text[Start..End]</c> is the original spelling.</param>
/// <param name="Index">The token's position in the encoded input ([CLS] is 0); null for a group.</param>
public sealed record TokenEntity(string Entity, float Score, string Word, int Start, int End, int? Index = null);
