using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `task: token_classification`, or the mapping form `task: {type: token_classification, label_all_tokens: true}` with the
/// head's options (question_answering: doc_stride, n_best_size, max_answer_length; masked_lm: mlm_probability,
/// whole_word_mask, block_size). An option of another head is named as such rather than as a misspelling.
/// </summary>
internal static class TaskSection
{
    private static readonly ScalarType<TaskKind> Kind = ScalarTypes.Enum<TaskKind>();
    private static readonly ScalarType<ProblemType> Problem = ScalarTypes.Enum<ProblemType>();

    /// <summary>Each head's options, to name the head an option belongs to when it is written under another.</summary>
    private static readonly (string Key, TaskKind Head)[] Options =
    [
        ("problem_type", TaskKind.SequenceClassification),
        ("label_all_tokens", TaskKind.TokenClassification),
        ("doc_stride", TaskKind.QuestionAnswering),
        ("n_best_size", TaskKind.QuestionAnswering),
        ("max_answer_length", TaskKind.QuestionAnswering),
        ("mlm_probability", TaskKind.MaskedLm),
        ("whole_word_mask", TaskKind.MaskedLm),
        ("block_size", TaskKind.MaskedLm),
    ];

    /// <param name="datasetTask">The task family of a known dataset named in the file, which problem_type defaults from.</param>
    public static TaskSpec Read(MappingReader root, TaskKind? datasetTask)
    {
        if (root.Peek("task") is YamlScalar { IsNull: false })
        {
            return Create(root.Read("task", TaskKind.SequenceClassification, Kind), datasetTask, null);
        }

        var r = root.Section("task", required: true, "the head on the encoder, e.g. 'task: sequence_classification'");
        if (root.Has("task"))
        {
            r.Require("type", Kind.Description);
        }

        var spec = Create(r.Read("type", TaskKind.SequenceClassification, Kind), datasetTask, r) with
        {
            NumLabels = r.ReadOptional<int>("num_labels", null, ScalarTypes.Integer),
        };
        r.ReportUnknownKeys(key => Options.FirstOrDefault(o => o.Key == key) is { Key: not null } option
            ? new ForeignKey($"is an option of task '{SnakeCase.From(option.Head.ToString())}', not of '{SnakeCase.From(spec.Spelling.ToString())}'", null)
            : null);
        return spec;
    }

    private static TaskSpec Create(TaskKind kind, TaskKind? datasetTask, MappingReader? options) => kind switch
    {
        TaskKind.SequenceClassification or TaskKind.Regression => new SequenceClassificationTaskSpec
        {
            ProblemType = options?.Read("problem_type", DefaultProblem(kind, datasetTask), Problem) ?? DefaultProblem(kind, datasetTask),
        },
        TaskKind.TokenClassification => new TokenClassificationTaskSpec
        {
            LabelAllTokens = options?.Read("label_all_tokens", false, ScalarTypes.Boolean) ?? false,
        },
        TaskKind.QuestionAnswering => QuestionAnswering(options, new QuestionAnsweringTaskSpec()),
        TaskKind.MaskedLm => MaskedLm(options, new MaskedLmTaskSpec()),
        _ => new MultipleChoiceTaskSpec(),
    };

    private static QuestionAnsweringTaskSpec QuestionAnswering(MappingReader? options, QuestionAnsweringTaskSpec d) => options is null ? d : d with
    {
        DocStride = options.Read("doc_stride", d.DocStride, ScalarTypes.Integer),
        NBestSize = options.Read("n_best_size", d.NBestSize, ScalarTypes.Integer),
        MaxAnswerLength = options.Read("max_answer_length", d.MaxAnswerLength, ScalarTypes.Integer),
    };

    private static MaskedLmTaskSpec MaskedLm(MappingReader? options, MaskedLmTaskSpec d) => options is null ? d : d with
    {
        MlmProbability = options.Read("mlm_probability", d.MlmProbability, ScalarTypes.Number),
        WholeWordMask = options.Read("whole_word_mask", d.WholeWordMask, ScalarTypes.Boolean),
        BlockSize = options.ReadOptional("block_size", d.BlockSize, ScalarTypes.Integer),
    };

    /// <summary>transformers infers regression from num_labels 1; here a regression dataset (STS-B) or `task: regression` says so.</summary>
    private static ProblemType DefaultProblem(TaskKind kind, TaskKind? datasetTask) =>
        kind == TaskKind.Regression || datasetTask == TaskKind.Regression ? ProblemType.Regression : ProblemType.SingleLabelClassification;
}
