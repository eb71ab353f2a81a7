using System.Diagnostics;
using ExperimentKit.Data;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>
/// The real program, as a child process: a run killed hard (SIGKILL) once it has a checkpoint, then resumed with
/// `--resume`, ends with the same model.safetensors bytes and the same metrics.jsonl values as a run never stopped.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class KillAndResumeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>What the child processes printed, for the failure message.</summary>
    private static readonly System.Text.StringBuilder Output = new();

    [Fact]
    public void A_run_killed_after_a_checkpoint_and_resumed_ends_byte_identical_to_an_uninterrupted_run()
    {
        using var folder = new TemporaryFolder();
        var whole = Path.Combine(folder.Path, "whole");
        var killed = Path.Combine(folder.Path, "killed");

        Finish(Start(Experiment(folder, whole)));

        using (var victim = Start(Experiment(folder, killed)))
        {
            WaitForCheckpoint(victim, killed);
            Assert.False(victim.HasExited, "the run ended before it could be killed; give it more steps");
            victim.Kill(entireProcessTree: true);
            victim.WaitForExit();
        }

        var interrupted = Assert.Single(Directory.GetDirectories(killed));
        Assert.EndsWith(".incomplete", interrupted, StringComparison.Ordinal);
        Finish(Start(Experiment(folder, killed), "--resume"));

        var expected = Assert.Single(Directory.GetDirectories(whole));
        var actual = Assert.Single(Directory.GetDirectories(killed));
        Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "model.safetensors")), File.ReadAllBytes(Path.Combine(actual, "model.safetensors")));
        Assert.Equal(RunFiles.Losses(expected), RunFiles.Losses(actual));
    }

    /// <summary>mrpc-tiny for 60 steps with a checkpoint every 10, writing under <paramref name="outputDir"/>.</summary>
    private static string Experiment(TemporaryFolder folder, string outputDir)
    {
        var yaml = File.ReadAllText(ExperimentFiles.PathOf("mrpc-tiny.yaml"))
            .Replace("output_dir: runs/mrpc-tiny", $"output_dir: {outputDir}\n  max_steps: 60\n  save_steps: 10", StringComparison.Ordinal);
        var path = folder.File(Path.GetFileName(outputDir) + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Process Start(string experiment, params string[] options)
    {
        // The program the solution builds, beside the tests' own configuration (bin/<configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var program = Path.Combine(TestData.RepositoryRoot, "bin", configuration, "net10.0", "ExperimentKit.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestData.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add(experiment);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.Environment[DataRoot.EnvironmentVariable] = TestData.Root;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Output.AppendLine(line.Data);
        process.ErrorDataReceived += (_, line) => Output.AppendLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Finish(Process process)
    {
        using (process)
        {
            Assert.True(process.WaitForExit(Patience), "the run did not finish in time:\n" + Output);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{Output}");
        }
    }

    private static void WaitForCheckpoint(Process process, string outputDir)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < Patience)
        {
            if (Directory.Exists(outputDir) && Directory.GetDirectories(outputDir).Any(run => Directory.Exists(Path.Combine(run, "checkpoints", "checkpoint-10"))))
            {
                return;
            }

            Thread.Sleep(5);
        }
    }
}
