using System.Globalization;

namespace ExperimentKit.Runs;

/// <summary>
/// Free space where a run writes, checked before training: a checkpoint that cannot fit should stop the run at its
/// start, not hours later at the first save.
/// </summary>
public static class StorageSpace
{
    /// <summary>
    /// Throws when the file system of <paramref name="folder"/> has less free space than <paramref name="neededBytes"/>,
    /// naming both figures and what needs the space.
    /// </summary>
    public static void Require(string folder, long neededBytes, string forWhat)
    {
        if (FreeBytes(folder) is { } free && free < neededBytes)
        {
            throw new IOException($"{Path.GetFullPath(folder)} has {Megabytes(free)} free, but {forWhat} needs about {Megabytes(neededBytes)}: free space, point output_dir elsewhere, or save less often (save_strategy, save_total_limit).");
        }
    }

    /// <summary>"N MB free there" for the file system of <paramref name="folder"/>, or "free space unknown".</summary>
    public static string Describe(string folder) =>
        FreeBytes(folder) is { } free ? $"{Megabytes(free)} free there" : "free space unknown";

    /// <summary>
    /// Bytes available to this user on the file system that holds, or will hold, <paramref name="folder"/> (its nearest
    /// existing ancestor's); null if it cannot be told.
    /// </summary>
    private static long? FreeBytes(string folder)
    {
        try
        {
            var existing = Path.GetFullPath(folder);
            while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
            {
                existing = parent;
            }

            return new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
