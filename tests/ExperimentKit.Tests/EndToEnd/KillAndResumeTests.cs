using System.Diagnostics;
using ExperimentKit.Data;
using ExperimentKit.Runs;
using ExperimentKit.Training;

namespace ExperimentKit.Tests.EndToEnd;

/// <summary>
/// The real program, as a child process: a run killed hard (SIGKILL) once it has a checkpoint, or by itself in the middle
/// of writing one (<see cref="SaveFault"/>), then resumed with `--resume`, ends with the same model.safetensors bytes and the same metrics.jsonl values as a run
/// never stopped.
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
        var killed = Path.Combine(folder.Path, "killed");

        Assert.True(KillOnce(folder, killed, run => Directory.Exists(Path.Combine(run, "checkpoints", "checkpoint-10"))));

        AssertResumesToTheUninterruptedRun(folder, killed);
    }

    [Fact]
    public void A_run_killed_in_the_middle_of_a_save_resumes_from_the_last_whole_checkpoint_byte_identical()
    {
        using var folder = new TemporaryFolder();
        var killed = Path.Combine(folder.Path, "killed");

        // The run kills itself (SIGKILL) inside the save of checkpoint-20, between its model and its trainer files.
        using (var victim = Start(Experiment(folder, killed), [(SaveFault.EnvironmentVariable, "20")]))
        {
            Assert.True(victim.WaitForExit(Patience), "the run did not reach checkpoint-20:\n" + Output);
            Assert.Equal(137, victim.ExitCode);
        }

        var run = Assert.Single(Directory.GetDirectories(killed));
        Assert.Equal([10], CheckpointFolders.List(run).Select(c => c.Step));
        var partial = Assert.Single(PartialCheckpoints(run));
        var written = Directory.GetFiles(partial).Select(Path.GetFileName).ToArray();
        Assert.Contains("model.safetensors", written);
        Assert.DoesNotContain("optimizer.bin", written);
        Assert.DoesNotContain(TrainerCheckpoint.TrainerStateFile, written);
        AssertResumesToTheUninterruptedRun(folder, killed);
    }

    /// <summary>Starts a run and kills it (SIGKILL) as soon as <paramref name="when"/> holds for its run folder; false if it never did.</summary>
    private static bool KillOnce(TemporaryFolder folder, string outputDir, Func<string, bool> when)
    {
        using var victim = Start(Experiment(folder, outputDir), []);
        var clock = Stopwatch.StartNew();
        var seen = false;
        while (!seen && !victim.HasExited && clock.Elapsed < Patience)
        {
            seen = Directory.Exists(outputDir) && Directory.GetDirectories(outputDir).Any(when);
            if (!seen)
            {
                Thread.Sleep(1);
            }
        }

        Assert.False(victim.HasExited, "the run ended before it could be killed; give it more steps");
        victim.Kill(entireProcessTree: true);
        victim.WaitForExit();
        return seen;
    }

    /// <summary>The killed run resumes with --resume and ends like a run of the same experiment that was never stopped.</summary>
    private static void AssertResumesToTheUninterruptedRun(TemporaryFolder folder, string killed)
    {
        var interrupted = Assert.Single(Directory.GetDirectories(killed));
        Assert.EndsWith(".incomplete", interrupted, StringComparison.Ordinal);
        Finish(Start(Experiment(folder, killed), [], "--resume"));

        var whole = Path.Combine(folder.Path, "whole");
        Finish(Start(Experiment(folder, whole), []));

        var expected = Assert.Single(Directory.GetDirectories(whole));
        var actual = Assert.Single(Directory.GetDirectories(killed));
        Assert.Equal(File.ReadAllBytes(Path.Combine(expected, "model.safetensors")), File.ReadAllBytes(Path.Combine(actual, "model.safetensors")));
        Assert.Equal(RunFiles.Losses(expected), RunFiles.Losses(actual));
    }

    /// <summary>Checkpoint folders still being written (their temporary names).</summary>
    private static string[] PartialCheckpoints(string run)
    {
        var root = Path.Combine(run, "checkpoints");
        return Directory.Exists(root) ? Directory.GetDirectories(root, ".checkpoint-*.tmp") : [];
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

    private static Process Start(string experiment, (string Name, string Value)[] environment, params string[] options)
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
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

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
}
