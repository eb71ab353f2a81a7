using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The keys of a `metrics:` entry written as a mapping (`{name: f1, average: macro}`); <see cref="MetricSpec"/> holds
/// them. An entry may also be the name alone.
/// </summary>
public static class MetricKeys
{
    public static SectionKey Name { get; } = Choice<MetricKind>("name", "The metric, as `evaluate` names it.") with { Required = true, Property = nameof(MetricSpec.Kind) };

    public static SectionKey PosLabel { get; } = Label("pos_label", "f1 / precision / recall with average binary: the positive class, by label id or name (default 1).");

    public static SectionKey[] All { get; } =
    [
        Name,
        Choice<Averaging>("average", "f1 / precision / recall: scikit-learn's average over the labels."),
        PosLabel,
        Choice<SeqevalMode>("mode", "seqeval: default (conlleval's lenient chunks) or strict (entities exactly as the scheme defines them)."),
        Choice<TagScheme>("scheme", "seqeval in strict mode: the tagging scheme of the data."),
    ];
}
