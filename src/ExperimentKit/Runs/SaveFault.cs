namespace ExperimentKit.Runs;

/// <summary>
/// A crash on request in the middle of a checkpoint save, for the test that a run killed there resumes from the last
/// whole checkpoint: with <c>EXPERIMENTKIT_KILL_DURING_SAVE=&lt;step&gt;</c> the process kills itself (SIGKILL, as an
/// out-of-memory killer or a pre-empted node would) after that checkpoint's model is written and before its trainer files.
/// A kill from outside cannot be timed into a save that takes milliseconds.
/// </summary>
internal static class SaveFault
{
    public const string EnvironmentVariable = "EXPERIMENTKIT_KILL_DURING_SAVE";

    private static readonly int? KillAtStep = int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var step) ? step : null;

    public static void KillIfRequested(int step)
    {
        if (KillAtStep == step)
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
