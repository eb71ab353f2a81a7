using System.Collections.Generic;
using System.Linq;
using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `task:` keys: the head (`task: x`, or `type:` in the mapping form), num_labels, and each head's options, which
/// its <see cref="TaskSpec"/> record holds. An option belongs to the heads <see cref="Options"/> lists it under.
/// </summary>
public static class TaskKeys
{
    public static SectionKey Type { get; } = Choice<TaskKind>("type", "The head on the encoder.") with { Required = true };

    public static SectionKey NumLabels { get; } = Integer("num_labels", "transformers' num_labels as a check: it must agree with the dataset's label names.") with { Optional = true };

    public static SectionKey ProblemType { get; } = Choice<global::ExperimentKit.Schema.Model.ProblemType>("problem_type", "transformers' problem_type, which picks the loss; default: regression for a regression dataset or task, else single_label_classification.");

    public static SectionKey LabelAllTokens { get; } = Boolean("label_all_tokens", "run_ner's label_all_tokens: every sub-token of a word gets its label (B- as I-), not only the first.");

    public static SectionKey DocStride { get; } = Integer("doc_stride", "Tokens each window of a long context repeats from the one before (run_qa's doc_stride); under half of max_length.")
        with { Range = ValueRange.AtLeastZero };

    public static SectionKey NBestSize { get; } = Integer("n_best_size", "Start and end candidates per window that post-processing weighs.") with { Range = ValueRange.Positive };

    public static SectionKey MaxAnswerLength { get; } = Integer("max_answer_length", "The longest answer, in tokens, post-processing accepts.") with { Range = ValueRange.Positive };

    public static SectionKey MlmProbability { get; } = Number("mlm_probability", "The share of tokens masked (80% [MASK], 10% a random token, 10% kept).")
        with { Range = ValueRange.OpenUnitInterval };

    public static SectionKey WholeWordMask { get; } = Boolean("whole_word_mask", "Mask a word's sub-tokens together (DataCollatorForWholeWordMask).");

    public static SectionKey BlockSize { get; } = Integer("block_size", "Tokens per training example after the texts are concatenated; not set: min(1024, the tokenizer's model_max_length), as run_mlm (512 for BERT vocabularies and all-MiniLM-L6-v2), not tokenizer.max_length.")
        with { Optional = true, Range = ValueRange.Positive };

    /// <summary>Each head's options, by the head's spelling (regression is a sequence-classification head, so it takes problem_type too).</summary>
    public static IReadOnlyDictionary<TaskKind, SectionKey[]> Options { get; } = new Dictionary<TaskKind, SectionKey[]>
    {
        [TaskKind.SequenceClassification] = [ProblemType],
        [TaskKind.Regression] = [ProblemType],
        [TaskKind.TokenClassification] = [LabelAllTokens],
        [TaskKind.QuestionAnswering] = [DocStride, NBestSize, MaxAnswerLength],
        [TaskKind.MaskedLm] = [MlmProbability, WholeWordMask, BlockSize],
        [TaskKind.MultipleChoice] = [],
    };

    /// <summary>Every key of the mapping form: type, num_labels and every head's options.</summary>
    public static SectionKey[] All { get; } = [Type, NumLabels, .. Options.Values.SelectMany(o => o).Distinct()];

    /// <summary>The first head whose options hold <paramref name="key"/>, to name it when the key is written under another head.</summary>
    public static TaskKind? HeadOf(string key) =>
        Options.Where(o => o.Value.Any(k => k.Name == key)).Select(o => (TaskKind?)o.Key).FirstOrDefault();
}
