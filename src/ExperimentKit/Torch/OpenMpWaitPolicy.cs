using System.Runtime.InteropServices;

namespace ExperimentKit.Torch;

/// <summary>
/// Asks LibTorch's OpenMP threads to sleep, not spin, while they wait (OMP_WAIT_POLICY=PASSIVE), unless the user chose a
/// policy. On a machine whose cores other jobs share, a spinning thread takes the core its partner needs: the pipeline
/// command ran 200 sentence embeddings on 2 threads in 18.3 s with the default policy and 8.5 s with passive waiting,
/// and training steps of all-MiniLM-L6-v2 at batch 16 took 2.3–3.6 s against 0.74–0.82 s (bench `training`, alternating,
/// load average 5 from another job). OpenMP reads the variable once, when LibTorch loads, and .NET keeps its own copy of
/// the environment, so it is set with the C library's setenv before the first tensor; later it changes nothing. The
/// command line calls it first thing; a program of one's own that uses the library calls it at its start.
/// </summary>
public static class OpenMpWaitPolicy
{
    private const string Variable = "OMP_WAIT_POLICY";

    /// <summary>Sets the policy unless the environment names one; returns the policy OpenMP will use (null: its default).</summary>
    public static string? PreferPassive()
    {
        var chosen = Environment.GetEnvironmentVariable(Variable);
        if (!OperatingSystem.IsLinux() || chosen is not null)
        {
            return chosen;
        }

        try
        {
            return SetEnvironment(Variable, "PASSIVE", overwrite: 0) == 0 ? "PASSIVE" : null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library: LibTorch keeps OpenMP's default policy.
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "setenv", ExactSpelling = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnvironment(string name, string value, int overwrite);
}
