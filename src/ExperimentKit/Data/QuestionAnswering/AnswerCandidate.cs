namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>One entry of an n-best list: a span's text and the logits it was scored by (score = start + end).</summary>
/// <param name="Probability">Softmax of the scores over the n-best list it belongs to.</param>
public sealed record AnswerCandidate(string Text, float StartLogit, float EndLogit, float Probability);
