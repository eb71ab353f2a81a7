using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `task: token_classification`, or the mapping form `task: {type: token_classification, label_all_tokens: true}` with the
/// head's options. An option of another head is named as such rather than as a misspelling.
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
        _ => new PlannedTaskSpec(kind),
    };

    /// <summary>transformers infers regression from num_labels 1; here a regression dataset (STS-B) or `task: regression` says so.</summary>
    private static ProblemType DefaultProblem(TaskKind kind, TaskKind? datasetTask) =>
        kind == TaskKind.Regression || datasetTask == TaskKind.Regression ? ProblemType.Regression : ProblemType.SingleLabelClassification;
}
