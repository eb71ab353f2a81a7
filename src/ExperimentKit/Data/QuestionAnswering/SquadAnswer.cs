namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>One gold answer of a question: a span of its context.</summary>
/// <param name="Text">The answer as written in the context.</param>
/// <param name="AnswerStart">
/// Where the span starts in the context, as a UTF-16 index. The file's answer_start counts code points (a Python string
/// index); the reader converts, so that it agrees with <see cref="string.Substring(int, int)"/> and the tokenizer's
/// offsets even after a character outside the Basic Multilingual Plane.
/// </param>
public sealed record SquadAnswer(string Text, int AnswerStart)
{
    /// <summary>One past the span's last UTF-16 unit.</summary>
    public int AnswerEnd => AnswerStart + Text.Length;
}
