using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `task: token_classification`, or the mapping form `task: {type: token_classification, label_all_tokens: true}` with the
/// head's options, as <see cref="TaskKeys"/> declares them. An option of another head is named as such rather than as a misspelling.
/// </summary>
internal static class TaskSection
{
    /// <param name="datasetTask">The task family of a known dataset named in the file, which problem_type defaults from.</param>
    public static TaskSpec Read(MappingReader root, TaskKind? datasetTask)
    {
        if (root.Peek(ExperimentKeys.Task.Name) is YamlScalar { IsNull: false })
        {
            return Defaults((TaskKind)root.Read<object>(ExperimentKeys.Task.Name, TaskKind.SequenceClassification, ScalarTypes.Choice(TaskKeys.Type)), datasetTask);
        }

        var r = root.Section(ExperimentKeys.Task, "the head on the encoder, e.g. 'task: sequence_classification'", TaskKeys.All.Select(k => k.Name));
        if (root.Has(ExperimentKeys.Task.Name))
        {
            r.Require(TaskKeys.Type.Name, ScalarTypes.Choice(TaskKeys.Type).Description);
        }

        var kind = (TaskKind)SectionReading.Value(r, TaskKeys.Type, TaskKind.SequenceClassification)!;
        var spec = SectionReading.Read(r, Defaults(kind, datasetTask), TaskKeys.All, [.. TaskKeys.Options[kind], TaskKeys.NumLabels]);
        r.ReportUnknownKeys(key => TaskKeys.HeadOf(key) is { } head
            ? new ForeignKey($"is an option of task '{SnakeCase.From(head.ToString())}', not of '{SnakeCase.From(kind.ToString())}'", null)
            : null);
        return spec;
    }

    /// <summary>The head's record with its options' defaults; problem_type follows the spelling and a known dataset's family.</summary>
    internal static TaskSpec Defaults(TaskKind kind, TaskKind? datasetTask) => kind switch
    {
        TaskKind.SequenceClassification or TaskKind.Regression => new SequenceClassificationTaskSpec { ProblemType = DefaultProblem(kind, datasetTask) },
        TaskKind.TokenClassification => new TokenClassificationTaskSpec(),
        TaskKind.QuestionAnswering => new QuestionAnsweringTaskSpec(),
        TaskKind.MaskedLm => new MaskedLmTaskSpec(),
        _ => new MultipleChoiceTaskSpec(),
    };

    /// <summary>transformers infers regression from num_labels 1; here a regression dataset (STS-B) or `task: regression` says so.</summary>
    private static ProblemType DefaultProblem(TaskKind kind, TaskKind? datasetTask) =>
        kind == TaskKind.Regression || datasetTask == TaskKind.Regression ? ProblemType.Regression : ProblemType.SingleLabelClassification;
}
