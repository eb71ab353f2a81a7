namespace ExperimentKit.Sweeps;

/// <summary>
/// A trial's lock: an exclusive open of locks/&lt;id&gt;.lock, which .NET takes as an flock on Unix. The operating
/// system drops it when the holder exits, however it exits, so a killed shard never leaves a trial locked.
/// </summary>
public sealed class TrialLock : IDisposable
{
    private readonly FileStream stream;

    private TrialLock(FileStream stream) => this.stream = stream;

    /// <summary>The lock, or null when another process holds it (it is running that trial now).</summary>
    public static TrialLock? TryTake(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new TrialLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
