using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.IO;
using TorchSharp;

namespace ExperimentKit.Runs;

/// <summary>
/// environment.json: what a run ran on, to tell later why two runs differ: the ExperimentKit, TorchSharp and LibTorch
/// versions, LibTorch's thread count, the device, and the git commit of the working directory when there is one.
/// </summary>
public sealed record EnvironmentInfo(string ExperimentKit, string TorchSharp, string? LibTorch, int Threads, string Device, string? GitCommit, string Runtime, string OperatingSystem)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static EnvironmentInfo Capture() => new(
        VersionOf(typeof(EnvironmentInfo).Assembly),
        VersionOf(typeof(torch).Assembly),
        LibTorchPackageVersion(),
        torch.get_num_threads(),
        torch.cuda.is_available() ? "cuda" : "cpu",
        CurrentGitCommit(),
        Environment.Version.ToString(),
        System.Runtime.InteropServices.RuntimeInformation.OSDescription);

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The libtorch-* package the program was built with, from its deps.json (LibTorch reports no version itself).</summary>
    private static string? LibTorchPackageVersion()
    {
        // A test host's own deps file comes first, so the program's, beside it, is read as well.
        var depsFiles = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json"))
            .Where(File.Exists);
        foreach (var depsFile in depsFiles)
        {
            var libraries = JsonNode.Parse(File.ReadAllText(depsFile))?["libraries"]?.AsObject();
            var libTorch = libraries?.Select(p => p.Key).FirstOrDefault(name => name.StartsWith("libtorch-", StringComparison.Ordinal));
            if (libTorch is not null)
            {
                return libTorch;
            }
        }

        return null;
    }

    /// <summary>`git rev-parse HEAD` in the current directory; null outside a repository or without git.</summary>
    private static string? CurrentGitCommit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
