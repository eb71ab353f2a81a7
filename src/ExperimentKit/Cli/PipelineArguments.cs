using ExperimentKit.Pipelines;

namespace ExperimentKit.Cli;

/// <summary>The task options of the pipeline command, each named as transformers' keyword argument.</summary>
/// <param name="TopK">Null when not given: each task's default and its single-result shape.</param>
/// <param name="AllLabels">text-classification's top_k=None: every label.</param>
internal sealed record PipelineArguments(
    int? TopK,
    bool AllLabels,
    ClassificationFunction FunctionToApply,
    AggregationStrategy AggregationStrategy,
    string? Question,
    int? DocStride,
    int MaxAnswerLength,
    int? MaxSeqLength,
    bool HandleImpossibleAnswer,
    IReadOnlyList<string> CandidateLabels,
    string HypothesisTemplate,
    bool MultiLabel,
    bool SentenceEmbeddings);
