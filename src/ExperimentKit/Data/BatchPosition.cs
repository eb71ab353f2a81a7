namespace ExperimentKit.Data;

/// <summary>
/// Where a batch sits in a run: its pass over the data (a training epoch, or <see cref="EvaluationPass"/>) and its
/// index within that pass. Collators that draw random numbers (masked-LM masking) seed from it and the run's seed,
/// so a rerun, or a run resumed from a checkpoint, draws exactly the same; every evaluation masks alike.
/// </summary>
public readonly record struct BatchPosition(int Pass, int Index)
{
    /// <summary>The pass number of evaluation batches.</summary>
    public const int EvaluationPass = -1;

    public static BatchPosition Evaluation(int index) => new(EvaluationPass, index);
}
