namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// Reads a SQuAD v1.1 file, {"data": [{"title", "paragraphs": [{"context", "qas": [{"id", "question", "answers":
/// [{"text", "answer_start"}]}]}]}], "version"}, into one row per question in file order, as Hugging Face datasets'
/// squad loader flattens it.
/// </summary>
public static class SquadReader
{
    /// <param name="limit">Keep only the first this many questions (max_eval_samples: the whole file is read and checked first, as datasets loads it before select).</param>
    /// <exception cref="DataFormatException">
    /// Malformed JSON, a missing or mistyped field, an answer whose text is not at its answer_start in the context, or a
    /// question id used twice; the message starts with `file:line:column` and names the question (or the JSON path).
    /// </exception>
    public static IReadOnlyList<SquadExample> Read(string path, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (limit is int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(limit));
        }

        List<SquadExample> examples = new SquadJsonParser(path, File.ReadAllBytes(path)).Parse();
        return limit is int count && count < examples.Count ? examples[..count] : examples;
    }
}
