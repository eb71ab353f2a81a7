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

    /// <summary>
    /// num_labels of the head: outputs per example (or per token) for the dataset's classes; null for heads whose
    /// outputs the head itself fixes (an answer span's start and end, a score per choice, a score per vocabulary token).
    /// </summary>
    public abstract int? LabelCount(DatasetSpec dataset);
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

    public override int? LabelCount(DatasetSpec dataset) => ProblemType == ProblemType.Regression ? 1 : dataset.LabelNames.Count;
}

/// <summary>BertForTokenClassification: a label per word (CoNLL NER), learned on its first sub-token, or on all of them.</summary>
public sealed record TokenClassificationTaskSpec : TaskSpec
{
    public override TaskKind Kind => TaskKind.TokenClassification;

    /// <summary>run_ner's label_all_tokens: later sub-tokens of a word get its label (B- turned into I-) instead of -100.</summary>
    public bool LabelAllTokens { get; init; }

    public override int? LabelCount(DatasetSpec dataset) => dataset.LabelNames.Count;
}

/// <summary>
/// BertForQuestionAnswering (run_qa.py): an answer span's start and end token in the context. A long context becomes
/// several windows of tokenizer.max_length that overlap by doc_stride tokens; the best span over all windows answers.
/// </summary>
public sealed record QuestionAnsweringTaskSpec : TaskSpec
{
    public override TaskKind Kind => TaskKind.QuestionAnswering;

    /// <summary>Tokens each window of a long context repeats from the one before (run_qa's doc_stride).</summary>
    public int DocStride { get; init; } = 128;

    /// <summary>How many start and end candidates per window post-processing weighs.</summary>
    public int NBestSize { get; init; } = 20;

    /// <summary>The longest answer, in tokens, post-processing accepts.</summary>
    public int MaxAnswerLength { get; init; } = 30;

    public override int? LabelCount(DatasetSpec dataset) => null;
}

/// <summary>BertForMultipleChoice (run_swag.py): a score per (question, choice) pair; the highest-scoring choice answers.</summary>
public sealed record MultipleChoiceTaskSpec : TaskSpec
{
    public override TaskKind Kind => TaskKind.MultipleChoice;

    public override int? LabelCount(DatasetSpec dataset) => null;
}

/// <summary>
/// BertForMaskedLM (run_mlm.py): continued pre-training. Texts are tokenized and cut into block_size chunks, and the
/// collator masks mlm_probability of their tokens (80% [MASK], 10% a random token, 10% unchanged), whole words with whole_word_mask.
/// </summary>
public sealed record MaskedLmTaskSpec : TaskSpec
{
    public override TaskKind Kind => TaskKind.MaskedLm;

    public double MlmProbability { get; init; } = 0.15;

    /// <summary>DataCollatorForWholeWordMask: a word's sub-tokens are masked together.</summary>
    public bool WholeWordMask { get; init; }

    /// <summary>Tokens per training example after group_texts; null: min(1024, the tokenizer's model_max_length), as run_mlm.</summary>
    public int? BlockSize { get; init; }

    public override int? LabelCount(DatasetSpec dataset) => null;
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
