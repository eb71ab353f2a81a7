using System.Globalization;

namespace ExperimentKit.Runs;

/// <summary>
/// One run's folder, output_dir/&lt;run id&gt;. It is built under `&lt;run id&gt;.incomplete` and renamed when the
/// run ends, so a folder without that suffix is always a whole run.
/// </summary>
public sealed class RunFolder
{
    private const string IncompleteSuffix = ".incomplete";

    /// <summary>
    /// Created with create-new semantics inside a new run folder: creating a folder succeeds for every process that asks,
    /// creating this file for exactly one, so two runs started in the same second never share a folder. Removed at the end.
    /// </summary>
    private const string ClaimFile = ".claim";

    private RunFolder(string finalPath)
    {
        FinalPath = finalPath;
        Path = finalPath + IncompleteSuffix;
    }

    /// <summary>Whether a folder is a run that has not ended (it was stopped, or is still running).</summary>
    public static bool IsIncomplete(string directory) =>
        System.IO.Path.TrimEndingDirectorySeparator(directory).EndsWith(IncompleteSuffix, StringComparison.Ordinal);

    /// <summary>An interrupted run's folder, to resume it where it is.</summary>
    public static RunFolder Reopen(string incompleteDirectory)
    {
        var path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(incompleteDirectory));
        if (!IsIncomplete(path) || !Directory.Exists(path))
        {
            throw new IOException($"{path} is not an interrupted run (a folder named <run id>{IncompleteSuffix}); only those can be resumed. Name such a folder (or a checkpoint in one), or run without --resume to start anew.");
        }

        return new RunFolder(path[..^IncompleteSuffix.Length]);
    }

    /// <summary>This process's own new folder at <paramref name="finalPath"/>, or null when another process claimed it first.</summary>
    private static RunFolder? TryClaim(string finalPath)
    {
        var folder = new RunFolder(finalPath);
        try
        {
            Directory.CreateDirectory(folder.Path);
            using (new FileStream(folder.File(ClaimFile), FileMode.CreateNew, FileAccess.Write))
            {
            }

            return folder;
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new IOException($"Cannot create the run folder {folder.Path}: {exception.Message}. Make output_dir writable or point training.output_dir elsewhere.", exception);
        }
        catch (IOException) when (System.IO.File.Exists(folder.File(ClaimFile)))
        {
            return null;
        }
    }

    /// <summary>Where the run writes while it runs.</summary>
    public string Path { get; }

    /// <summary>Where the run lives once complete.</summary>
    public string FinalPath { get; }

    /// <summary>A new folder named after the start time (UTC), with a counter if that name is taken (by this or another process).</summary>
    public static RunFolder Create(string outputDirectory, DateTime startedUtc)
    {
        var stamp = startedUtc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create output_dir '{System.IO.Path.GetFullPath(outputDirectory)}': {exception.Message}. Point training.output_dir at a writable folder (or --set training.output_dir=...).", exception);
        }

        for (var attempt = 0; ; attempt++)
        {
            var name = attempt == 0 ? stamp : $"{stamp}-{attempt}";
            var candidate = System.IO.Path.Combine(outputDirectory, name);
            if (!Directory.Exists(candidate) && !Directory.Exists(candidate + IncompleteSuffix) && TryClaim(candidate) is { } claimed)
            {
                return claimed;
            }
        }
    }

    /// <summary>
    /// A new run at exactly <paramref name="finalPath"/> (a sweep's trial folder); an error when a run is or was there,
    /// so two processes never write one trial.
    /// </summary>
    public static RunFolder CreateAt(string finalPath)
    {
        var path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(finalPath));
        var parent = System.IO.Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot create the folder '{parent}': {exception.Message}", exception);
        }

        if (Directory.Exists(path) || TryClaim(path) is not { } claimed)
        {
            throw new IOException($"The run folder {path} is taken (a finished run, or another process's); remove it or choose another folder.");
        }

        return claimed;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Complete()
    {
        System.IO.File.Delete(File(ClaimFile));
        Directory.Move(Path, FinalPath);
    }
}
