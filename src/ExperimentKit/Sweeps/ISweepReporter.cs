namespace ExperimentKit.Sweeps;

/// <summary>What a sweep says while it runs; called from several trials' threads at once.</summary>
public interface ISweepReporter
{
    void Starting(SweepRunOptions options, int trialsOfThisShard, int threadsPerTrial);

    void Skipped(SweepTrial trial, TrialOutcome why);

    void Started(SweepTrial trial, bool resumed, string log);

    void Finished(SweepTrial trial, TimeSpan took, IReadOnlyDictionary<string, double> results);

    void Failed(SweepTrial trial, int exitCode, string error);

    void Interrupted(SweepTrial trial);
}
