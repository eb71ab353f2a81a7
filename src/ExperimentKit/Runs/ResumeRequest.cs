namespace ExperimentKit.Runs;

/// <summary>
/// `--resume`: the interrupted run to continue and the checkpoint to continue from. Without a path, the latest
/// checkpoint of the latest interrupted run under output_dir.
/// </summary>
public sealed record ResumeRequest(string RunDirectory, string Checkpoint)
{
    public static ResumeRequest Latest(string outputDir)
    {
        var runs = Directory.Exists(outputDir) ? Directory.GetDirectories(outputDir).Where(RunFolder.IsIncomplete).Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var run in runs.Reverse())
        {
            if (CheckpointFolders.List(run) is [.., var latest])
            {
                return new ResumeRequest(run, latest.Path);
            }
        }

        throw new IOException($"Nothing to resume under {Path.GetFullPath(outputDir)}: no interrupted run (<run id>.incomplete) has a checkpoint. Run without --resume to start anew; save_strategy decides when checkpoints are written.");
    }

    /// <summary>A checkpoint folder, output_dir/&lt;run&gt;.incomplete/checkpoints/checkpoint-N.</summary>
    public static ResumeRequest FromCheckpoint(string checkpoint)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(checkpoint));
        if (!File.Exists(Path.Combine(full, Training.TrainerCheckpoint.TrainerStateFile)))
        {
            throw new IOException($"{full} is not a checkpoint: it has no {Training.TrainerCheckpoint.TrainerStateFile}. Name a checkpoints/checkpoint-<step> folder of an interrupted run.");
        }

        return new ResumeRequest(Path.GetDirectoryName(Path.GetDirectoryName(full)!)!, full);
    }
}
