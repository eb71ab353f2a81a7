namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `task:` section: which head sits on the encoder, with that head's options. One record per head family, as
/// <see cref="ModelSpec"/> has one per architecture; the generator and the runtime look a head up by <see cref="Kind"/>.
/// </summary>
public abstract record TaskSpec
{
    /// <summary>The head family; fixed by the record type, so it is no YAML option.</summary>
    public abstract TaskKind Kind { get; }

    /// <summary>How `task:` is spelled for this spec: <c>regression</c> is a sequence-classification head with problem_type regression.</summary>
    public virtual TaskKind Spelling => Kind;

    /// <summary>transformers' num_labels as written (a check on the dataset's class names); null when not written.</summary>
    public int? NumLabels { get; init; }

    /// <summary>num_labels of the head: outputs per example (or per token) for the dataset's classes.</summary>
    public abstract int LabelCount(DatasetSpec dataset);
}

/// <summary>
/// BertForSequenceClassification: one prediction per text or pair. problem_type as transformers names it; `task: regression`
/// is this head with problem_type regression (one output, MSE loss, float labels).
/// </summary>
public sealed record SequenceClassificationTaskSpec : TaskSpec
{
    public override TaskKind Kind => TaskKind.SequenceClassification;

    public override TaskKind Spelling => ProblemType == ProblemType.Regression ? TaskKind.Regression : TaskKind.SequenceClassification;

    public ProblemType ProblemType { get; init; } = ProblemType.SingleLabelClassification;

    public override int LabelCount(DatasetSpec dataset) => ProblemType == ProblemType.Regression ? 1 : dataset.LabelNames.Count;
}

/// <summary>BertForTokenClassification: a label per word (CoNLL NER), learned on its first sub-token, or on all of them.</summary>
public sealed record TokenClassificationTaskSpec : TaskSpec
{
    public override TaskKind Kind => TaskKind.TokenClassification;

    /// <summary>run_ner's label_all_tokens: later sub-tokens of a word get its label (B- turned into I-) instead of -100.</summary>
    public bool LabelAllTokens { get; init; }

    public override int LabelCount(DatasetSpec dataset) => dataset.LabelNames.Count;
}

/// <summary>A head the schema knows by name but the runtime does not build yet; the validator reports it (EK0204).</summary>
public sealed record PlannedTaskSpec : TaskSpec
{
    public PlannedTaskSpec(TaskKind kind) => Planned = kind;

    public override TaskKind Kind => Planned;

    private TaskKind Planned { get; }

    public override int LabelCount(DatasetSpec dataset) => dataset.LabelNames.Count;
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

/// <summary>transformers' config.problem_type values, which pick the sequence-classification loss.</summary>
public enum ProblemType
{
    SingleLabelClassification,
    MultiLabelClassification,
    Regression,
}
