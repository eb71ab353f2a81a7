using System.Globalization;
using ExperimentKit.IO;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// A run's checkpoints/checkpoint-&lt;step&gt;/ folders. Each is written under a temporary name and renamed, so a crash
/// mid-save leaves the previous checkpoints whole; save_total_limit keeps the newest, and never deletes the best.
/// </summary>
public sealed class CheckpointFolders(RunFolder run, Action<string> writeModel, int? saveTotalLimit) : ICheckpointSink
{
    public const string Folder = "checkpoints";
    private const string Prefix = "checkpoint-";

    /// <summary>The model files a checkpoint shares with a model folder (what best/ copies).</summary>
    private static readonly string[] ModelFiles = [PretrainedFolder.SafetensorsFile, PretrainedFolder.ConfigFile, .. TokenizerFolder.FileNames];

    private string Root => run.File(Folder);

    public string NameOf(int step) => Path.Combine(Folder, Prefix + step.ToString(CultureInfo.InvariantCulture));

    public string Resolve(string checkpoint) => run.File(checkpoint);

    public void Save(int step, Action<string> writeTrainerFiles, string? keep)
    {
        var final = Resolve(NameOf(step));
        var temporary = Path.Combine(Root, $".{Path.GetFileName(final)}.tmp");
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        try
        {
            Directory.CreateDirectory(temporary);
            writeModel(temporary);
            SaveFault.KillIfRequested(step);
            writeTrainerFiles(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw SaveFailed(step, temporary, exception);
        }

        // A resumed run saves the steps after its checkpoint again; the newer save replaces the older one.
        if (Directory.Exists(final))
        {
            Directory.Delete(final, recursive: true);
        }

        Directory.Move(temporary, final);
        Rotate(keep is null ? null : Resolve(keep));
    }

    /// <summary>
    /// A checkpoint that could not be written whole (a full disk, a folder made read-only): its partial folder is removed,
    /// and the message says so, names the checkpoint still whole and how much space is left.
    /// </summary>
    private IOException SaveFailed(int step, string temporary, Exception cause)
    {
        try
        {
            Directory.Delete(temporary, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The cause is what the user must see; a leftover .tmp folder is ignored by List and replaced by the next save.
        }

        var previous = List(run.Path) is [.., var last] ? $"the last whole checkpoint is {Path.GetFileName(last.Path)}" : "no earlier checkpoint exists";
        return new IOException(
            $"could not write {Prefix}{step.ToString(CultureInfo.InvariantCulture)} in {Root}: {cause.Message} "
                + $"({StorageSpace.Describe(run.Path)}). Nothing of it was kept and {previous}; free space or fix the folder, then continue with --resume.",
            cause);
    }

    public void PublishBest(string checkpoint)
    {
        var best = run.File("best");
        Directory.CreateDirectory(best);
        foreach (var file in ModelFiles.Where(name => File.Exists(Path.Combine(Resolve(checkpoint), name))))
        {
            AtomicFile.Write(Path.Combine(best, file), temporary => File.Copy(Path.Combine(Resolve(checkpoint), file), temporary, overwrite: true));
        }
    }

    /// <summary>The checkpoint folders under <paramref name="runDirectory"/>, oldest step first.</summary>
    public static IReadOnlyList<(int Step, string Path)> List(string runDirectory)
    {
        var root = Path.Combine(runDirectory, Folder);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root, Prefix + "*")
            .Select(path => (Ok: int.TryParse(Path.GetFileName(path)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var step), Step: step, Path: path))
            .Where(c => c.Ok)
            .Select(c => (c.Step, c.Path))
            .OrderBy(c => c.Step)
            .ToArray();
    }

    private void Rotate(string? keep)
    {
        if (saveTotalLimit is not { } limit)
        {
            return;
        }

        var all = List(run.Path);
        var kept = all.Skip(Math.Max(0, all.Count - limit)).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, path) in all.Where(c => !kept.Contains(c.Path) && !string.Equals(Path.GetFullPath(c.Path), keep is null ? null : Path.GetFullPath(keep), StringComparison.Ordinal)))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
