namespace ExperimentKit.Training;

/// <summary>Where the trainer's checkpoints go; the run decides what the model half of a checkpoint holds.</summary>
public interface ICheckpointSink
{
    /// <summary>The path of checkpoint-&lt;step&gt; relative to the run folder (trainer_state.json's best_model_checkpoint).</summary>
    string NameOf(int step);

    /// <summary>The full path of a checkpoint named by <see cref="NameOf"/>.</summary>
    string Resolve(string checkpoint);

    /// <summary>
    /// Writes checkpoint-&lt;step&gt; whole or not at all: the model folder, then <paramref name="writeTrainerFiles"/> into
    /// the same folder. Then removes the oldest checkpoints beyond save_total_limit, never <paramref name="keep"/>.
    /// </summary>
    void Save(int step, Action<string> writeTrainerFiles, string? keep);

    /// <summary>Copies the model folder of <paramref name="checkpoint"/> to the run's best/ (load_best_model_at_end).</summary>
    void PublishBest(string checkpoint);
}
