namespace ExperimentKit.Schema.Model;

/// <summary>The `task:` section: which head sits on the encoder.</summary>
public sealed record TaskSpec
{
    public TaskKind Kind { get; init; } = TaskKind.SequenceClassification;
}

/// <summary>YAML spelling is snake_case: sequence_classification, regression, ...</summary>
public enum TaskKind
{
    SequenceClassification,
    Regression,
    TokenClassification,
    QuestionAnswering,
    MaskedLm,
    MultipleChoice,
}
