namespace ExperimentKit.Pipelines;

/// <summary>question-answering's <c>{score, start, end, answer}</c>: a span of the context and its probability.</summary>
/// <param name="Score">P(start) × P(end) within the window it came from; equal answers from several windows add up.</param>
/// <param name="Start">UTF-16 offset of the answer in the context.</param>
/// <param name="End">UTF-16 offset one past its end; <c>context[Start..End]</c> is <see cref="Text"/>.</param>
public sealed record Answer(float Score, int Start, int End, string Text);
