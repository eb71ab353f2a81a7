using System.Diagnostics;

namespace ExperimentKit.Sweeps;

/// <summary>
/// One attempt at a trial: `run` of the experiment in a child process with the trial's overrides and thread count,
/// into the trial's folder (or resuming it), its output kept in the trial's log.
/// </summary>
internal static class TrialProcess
{
    /// <summary>The exit code, or null when <paramref name="cancel"/> stopped it (the child is killed; its checkpoints stay).</summary>
    public static int? Run(TrialProgram program, IReadOnlyList<string> arguments, string logFile, IList<string> output, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(program.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in program.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in program.Arguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        log.WriteLine($"$ {string.Join(' ', start.ArgumentList.Select(Cli.ReproducingCommand.Quote).Prepend(program.FileName))}");
        using var process = new Process { StartInfo = start };
        var gate = new object();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
                output.Add(line);
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancel.Register(() => Kill(process)))
        {
            process.WaitForExit();
        }

        return cancel.IsCancellationRequested ? null : process.ExitCode;
    }

    /// <summary>Threads each of <paramref name="parallel"/> concurrent trials gets: the cores shared out, at least one.</summary>
    public static int ThreadsPerTrial(int parallel) => Math.Max(1, Environment.ProcessorCount / parallel);

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }
}
