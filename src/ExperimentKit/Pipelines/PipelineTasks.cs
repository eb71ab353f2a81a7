namespace ExperimentKit.Pipelines;

/// <summary>transformers' task names and aliases, and the tasks that need a decoder, which these encoders cannot run.</summary>
public static class PipelineTasks
{
    private static readonly Dictionary<string, PipelineTask> ByName = new(StringComparer.Ordinal)
    {
        ["text-classification"] = PipelineTask.TextClassification,
        ["sentiment-analysis"] = PipelineTask.TextClassification,
        ["token-classification"] = PipelineTask.TokenClassification,
        ["ner"] = PipelineTask.TokenClassification,
        ["question-answering"] = PipelineTask.QuestionAnswering,
        ["fill-mask"] = PipelineTask.FillMask,
        ["feature-extraction"] = PipelineTask.FeatureExtraction,
        ["zero-shot-classification"] = PipelineTask.ZeroShotClassification,
    };

    /// <summary>transformers' tasks that generate text: they need a decoder (ForCausalLM, encoder-decoder), which BERT is not.</summary>
    private static readonly string[] Generation =
    [
        "text-generation", "text2text-generation", "summarization", "translation", "conversational", "fill-in-the-middle",
    ];

    /// <summary>Every accepted name, aliases included, for help and errors.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    public static string Name(PipelineTask task) => task switch
    {
        PipelineTask.TextClassification => "text-classification",
        PipelineTask.TokenClassification => "token-classification",
        PipelineTask.QuestionAnswering => "question-answering",
        PipelineTask.FillMask => "fill-mask",
        PipelineTask.FeatureExtraction => "feature-extraction",
        PipelineTask.ZeroShotClassification => "zero-shot-classification",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    /// <exception cref="NotSupportedException">A generation task (text-generation, summarization, translation_en_to_fr, …).</exception>
    /// <exception cref="ArgumentException">A name transformers does not have either.</exception>
    public static PipelineTask Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ByName.TryGetValue(name, out var task))
        {
            return task;
        }

        var supported = string.Join(", ", Names);
        if (Generation.Contains(name, StringComparer.Ordinal) || name.StartsWith("translation_", StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"task '{name}' generates text and needs a decoder model (ForCausalLM or encoder-decoder); the BERT-family encoders here have none. Supported tasks: {supported}.");
        }

        throw new ArgumentException($"unknown task '{name}'; supported tasks: {supported}.", nameof(name));
    }
}
