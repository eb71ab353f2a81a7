namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>The answer predicted for one question and the n-best list it was chosen from, best first.</summary>
/// <param name="Text">The best span's text; empty when no window offered a valid span (the n-best list is then empty).</param>
public sealed record QuestionAnsweringPrediction(string Id, string Text, IReadOnlyList<AnswerCandidate> NBest);
