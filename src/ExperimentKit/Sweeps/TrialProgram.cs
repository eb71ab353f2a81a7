namespace ExperimentKit.Sweeps;

/// <summary>
/// How to start this program again for one trial: `dotnet &lt;program&gt;.dll run ...`. Each trial runs in a process of
/// its own, so it gets its own LibTorch thread pool (threads are per process) and a crash takes only that trial down.
/// </summary>
/// <param name="Environment">Variables set for the trial besides this process's own (which it inherits).</param>
public sealed record TrialProgram(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string>? Environment = null)
{
    /// <summary>The assembly the experiments are compiled into, run by the dotnet host this process runs on.</summary>
    public static TrialProgram Of(System.Reflection.Assembly experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        return new TrialProgram(DotnetHost(), [experiments.Location]);
    }

    private static string DotnetHost()
    {
        if (System.Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        // An apphost (bin/ExperimentKit.Cli) runs the shared runtime at <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
