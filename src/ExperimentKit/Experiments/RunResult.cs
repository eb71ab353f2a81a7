using ExperimentKit.Training;

namespace ExperimentKit.Experiments;

/// <summary>What a finished run leaves: its folder, the TrainOutput and the per-epoch summary.</summary>
public sealed record RunResult(string RunDirectory, TrainOutput Train, IReadOnlyList<EpochSummary> Epochs)
{
    public EvaluationLogEntry? FinalEvaluation => Epochs.Count == 0 ? null : Epochs[^1].Evaluation;
}
