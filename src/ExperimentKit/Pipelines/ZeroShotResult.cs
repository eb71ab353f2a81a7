namespace ExperimentKit.Pipelines;

/// <summary>zero-shot-classification's <c>{sequence, labels, scores}</c>: the candidate labels best first, with their scores.</summary>
public sealed record ZeroShotResult(string Sequence, IReadOnlyList<string> Labels, IReadOnlyList<float> Scores);
