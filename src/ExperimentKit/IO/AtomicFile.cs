namespace ExperimentKit.IO;

/// <summary>
/// Writes a file under a temporary name in the same folder and renames it into place, so a reader
/// (or a crash) never sees half a file.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string contents, bool overwrite = true) =>
        Write(path, temporary => File.WriteAllText(temporary, contents), overwrite);

    /// <param name="overwrite">
    /// false: a file already at <paramref name="path"/> (even one that appeared while the temporary file was written)
    /// is kept, and the rename throws <see cref="IOException"/>.
    /// </param>
    public static void Write(string path, Action<string> writeTemporary, bool overwrite = true)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
