using ExperimentKit.Data;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// Everything a run tells its user, in one place: the trainer's events and the orchestration's own lines (checkpoint
/// found, cache hits, the run folder, the final table). Orchestration never writes to a console directly.
/// </summary>
public interface IRunReporter : ITrainerCallback
{
    /// <summary>Runs the training call under whatever live display the reporter shows.</summary>
    T Display<T>(Func<T> training);

    /// <summary>A plain line of information (a cache hit, weights newly initialised, a pretrained folder).</summary>
    void Line(string text);

    void RunFolder(string path);

    void RunEnd(IReadOnlyList<EpochSummary> epochs, string path);

    void Predictions(int count, DatasetSplit split, string path);
}
