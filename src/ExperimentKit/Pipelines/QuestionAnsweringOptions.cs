namespace ExperimentKit.Pipelines;

/// <summary>question-answering's options, with transformers' names and defaults.</summary>
/// <param name="TopK">Answers per question, best first.</param>
/// <param name="DocStride">Context tokens each window repeats from the one before; null: min(max_seq_len / 2, 128).</param>
/// <param name="MaxAnswerLength">The longest answer, in tokens.</param>
/// <param name="MaxSeqLength">Tokens per window, question included; null: min(model_max_length, 384).</param>
/// <param name="HandleImpossibleAnswer">Also offer "" (no answer), scored by [CLS]'s start and end probabilities.</param>
/// <param name="AlignToWords">Widen a span to whole words of the context.</param>
public sealed record QuestionAnsweringOptions(
    int TopK = 1,
    int? DocStride = null,
    int MaxAnswerLength = 15,
    int? MaxSeqLength = null,
    bool HandleImpossibleAnswer = false,
    bool AlignToWords = true)
{
    public static QuestionAnsweringOptions Default { get; } = new();
}
