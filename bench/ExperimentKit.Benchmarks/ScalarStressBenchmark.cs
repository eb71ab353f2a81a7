using System.Diagnostics;
using System.Globalization;

namespace ExperimentKit.Benchmarks;

/// <summary>
/// `scalar-stress [--minutes N] [--old-path]`: runs <see cref="ScalarStressWorker"/> in child processes for N minutes
/// (3 by default), starting a new one whenever one dies, and counts the deaths. With --old-path the workers train as
/// the runtime did before the Scalar fix (TorchSharp's AdamW, a loss divided by a number), for the "before" figure.
/// </summary>
internal static class ScalarStressBenchmark
{
    public const string WorkerCommand = "scalar-stress-worker";

    public static int Run(IReadOnlyList<string> args)
    {
        var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3);
        var oldPath = args.Contains("--old-path");
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        var (crashes, steps, workers) = (0, 0L, 0);
        var causes = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            workers++;
            var (exitCode, output, error) = RunWorker(oldPath, deadline);
            var reported = output.Split('\n').LastOrDefault(l => l.StartsWith("steps ", StringComparison.Ordinal));
            steps += reported is null ? 0 : long.Parse(reported["steps ".Length..], CultureInfo.InvariantCulture);
            if (exitCode == 0)
            {
                continue;
            }

            if (reported is null && error.Length == 0 && output.Length == 0)
            {
                // A worker that printed nothing did not start (a wrong path, a missing library): no race is measured.
                Console.Error.WriteLine($"scalar-stress: a worker exited {exitCode} before its first step; stopping");
                return 1;
            }

            crashes++;
            var cause = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("Expected", StringComparison.Ordinal));
            causes.Add(string.Create(CultureInfo.InvariantCulture, $"exit {exitCode}: {cause ?? "(no message)"}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scalar-stress {(oldPath ? "old path (TorchSharp AdamW, implicit Scalars)" : "new path (owned Scalars, our AdamW)")}: {minutes} min, {workers} processes, {crashes} crashes, {steps} steps"));
        foreach (var group in causes.GroupBy(c => c).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count()} × {group.Key}"));
        }

        return 0;
    }

    private static (int ExitCode, string Output, string Error) RunWorker(bool oldPath, DateTime deadline)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // Started as `dotnet ExperimentKit.Benchmarks.dll`, the process is the dotnet host, which needs the assembly first.
        var viaHost = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
        string[] arguments = [.. viaHost ? [typeof(ScalarStressBenchmark).Assembly.Location] : Array.Empty<string>(),
            WorkerCommand, deadline.ToString("O", CultureInfo.InvariantCulture), .. oldPath ? ["--old-path"] : Array.Empty<string>()];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
