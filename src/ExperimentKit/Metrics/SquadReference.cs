namespace ExperimentKit.Metrics;

/// <summary>A question's gold answers, the reference evaluate's squad metric takes ({"id", "answers": {"text": [...]}}).</summary>
public sealed record SquadReference(string Id, IReadOnlyList<string> Answers);
