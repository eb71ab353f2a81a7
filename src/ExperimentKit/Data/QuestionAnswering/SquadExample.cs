namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// One question of a SQuAD file with its paragraph, the row Hugging Face datasets' squad loader yields:
/// id, title, context, question and answers (text and answer_start).
/// </summary>
/// <param name="Title">The article's title; empty when the file gives none (the loader's default).</param>
/// <param name="Answers">The gold answers in file order; training labels use the first.</param>
public sealed record SquadExample(string Id, string Title, string Context, string Question, IReadOnlyList<SquadAnswer> Answers);
