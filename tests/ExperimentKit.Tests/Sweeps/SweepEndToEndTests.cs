using System.Diagnostics;
using ExperimentKit.Cli;
using ExperimentKit.Data;
using ExperimentKit.Experiments;
using ExperimentKit.Runs;
using ExperimentKit.Schema;
using ExperimentKit.Sweeps;
using ExperimentKit.Tests.EndToEnd;

namespace ExperimentKit.Tests.Sweeps;

/// <summary>
/// Sweeps of a tiny BERT on 64 MRPC pairs, each trial a real child process of the compiled program: reproducible to
/// the byte however the trials are spread over processes, resumable, and robust to a failing trial.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class SweepEndToEndTests : IDisposable
{
    private const string Grid = """
        sweep:
          parameters:
            training.learning_rate: [1.0e-3, 3.0e-3]
            training.per_device_train_batch_size: [16, 32]
          seeds: [7, 8]

        """;

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Output => folder.File("runs");

    private SweepLayout Layout => SweepLayout.ForOutputDir(Output);

    private string Cache => folder.File("cache");

    [Fact]
    public void A_sweep_gives_the_same_bytes_run_twice_in_one_process_or_as_two_concurrent_shards_and_each_trial_alone()
    {
        var file = SweepFile(Grid, epochs: 2);
        var (exitCode, printed) = Sweep(file, "--parallel", "2");
        Assert.True(exitCode == 0, printed);
        var first = folder.File("first");
        Directory.Move(Layout.Root, first);

        // The same sweep as a Slurm job array of two tasks, both at once: the repository's sbatch script, run by bash
        // with the variables Slurm sets for each array task.
        var shards = Enumerable.Range(0, 2).Select(i => StartSlurmTask(file, i, 2)).ToArray();
        foreach (var shard in shards)
        {
            Assert.True(shard.Wait() == 0, shard.Output);
        }

        Assert.Equal(0, Collect(Layout.Root).ExitCode);
        var trials = Directory.GetDirectories(Path.Combine(first, "trials")).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(8, trials.Length);
        Assert.Equal(trials, Directory.GetDirectories(Layout.TrialsFolder).Select(Path.GetFileName).Order());
        foreach (var trial in trials)
        {
            foreach (var name in new[] { RunArtifacts.ResultsFile, "model.safetensors", "predictions.safetensors", RunArtifacts.CommandFile, "config.yaml" })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(first, "trials", trial!, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(Layout.Trial(trial!), name))), $"{trial}/{name} differs");
            }
        }

        foreach (var summary in new[] { "summary.md", "summary.csv", "summary.json", "sweep.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(first, summary)), File.ReadAllText(Path.Combine(Layout.Root, summary)));
        }

        // Any one trial, run alone with the command it recorded, is that trial to the byte.
        var trialFolder = Layout.Trial(trials[5]!);
        var command = File.ReadAllText(Path.Combine(trialFolder, RunArtifacts.CommandFile)).Trim();
        Assert.StartsWith($"dotnet run -- {file} --set training.learning_rate=", command, StringComparison.Ordinal);
        var (plainExit, plainPrinted) = Program([.. command["dotnet run -- ".Length..].Split(' ')]);
        Assert.True(plainExit == 0, plainPrinted);
        var plain = Assert.Single(Directory.GetDirectories(Output), d => !d.EndsWith(SweepLayout.FolderName, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(trialFolder, RunArtifacts.ResultsFile)), File.ReadAllBytes(Path.Combine(plain, RunArtifacts.ResultsFile)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(trialFolder, "model.safetensors")), File.ReadAllBytes(Path.Combine(plain, "model.safetensors")));

        // Running the sweep again runs nothing.
        var (againExit, again) = Sweep(file);
        Assert.Equal(0, againExit);
        Assert.Equal(8, again.Split('\n').Count(l => l.EndsWith("finished before; skipped", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_failing_trial_is_recorded_with_its_error_and_the_others_finish()
    {
        var file = SweepFile("sweep:\n  parameters:\n    dataset.validation_file: [train.tsv, missing.tsv]\n", epochs: 1);

        var (exitCode, printed) = Sweep(file);

        Assert.True(exitCode == ExitCodes.RunFailed, printed);
        var summary = SweepSummary.Collect(SweepPlan.Load(Layout.PlanFile), Layout);
        Assert.Equal([TrialState.Finished, TrialState.Failed], summary.Trials.Select(t => t.State));
        Assert.Contains("missing.tsv", summary.Trials[1].Error, StringComparison.Ordinal);
        Assert.Contains("failed (exit code 2): error: ", printed, StringComparison.Ordinal);
        Assert.Contains("## Not finished", File.ReadAllText(Layout.Summary("md")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupted_trial_resumes_from_its_last_checkpoint_and_ends_as_if_never_stopped()
    {
        var file = SweepFile("sweep:\n  parameters:\n    training.learning_rate: [1.0e-3]\n  seeds: [7]\n", epochs: 8, extraTraining: "  save_strategy: epoch\n");
        var parsed = ExperimentSpecParser.Parse(file, File.ReadAllText(file));
        var plan = SweepPlan.Create(file, parsed.Spec!, parsed.Sweep!, []);
        var trial = Assert.Single(plan.Trials);
        var options = new SweepRunOptions(TrialProgram(), Parallel: 1, Shard.Whole, ThreadsPerTrial: 1);

        using (var stop = new CancellationTokenSource())
        {
            var watcher = new Thread(() =>
            {
                // Ctrl+C as soon as the trial has saved its first checkpoint.
                while (!Directory.Exists(Path.Combine(Layout.Trial(trial.Id) + ".incomplete", CheckpointFolders.Folder, "checkpoint-4")))
                {
                    Thread.Sleep(20);
                }

                stop.Cancel();
            });
            watcher.Start();
            var outcomes = new SweepRunner(plan, Layout, options, new RecordingReporter()).Run(stop.Token);
            watcher.Join();
            Assert.Equal(TrialOutcome.Interrupted, outcomes[trial]);
        }

        Assert.Equal(TrialState.Started, TrialStatus.Read(trial, Layout).State);
        var reporter = new RecordingReporter();
        var resumed = new SweepRunner(plan, Layout, options, reporter).Run(CancellationToken.None);

        Assert.Equal(TrialOutcome.Finished, resumed[trial]);
        Assert.Equal([$"started {trial.Id} resumed"], reporter.Started);
        var (plainExit, plainPrinted) = Program(["run", file, .. trial.Overrides.SelectMany(o => new[] { "--set", o.ToString() }), "--threads", "1"]);
        Assert.True(plainExit == 0, plainPrinted);
        var plain = Assert.Single(Directory.GetDirectories(Output), d => !d.EndsWith(SweepLayout.FolderName, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(plain, RunArtifacts.ResultsFile)), File.ReadAllBytes(Path.Combine(Layout.Trial(trial.Id), RunArtifacts.ResultsFile)));
    }

    /// <summary>experiments/mrpc-tiny.yaml (same name, so its compiled types) with a sweep, writing under <see cref="Output"/>.</summary>
    private string SweepFile(string sweep, int epochs, string extraTraining = "")
    {
        var yaml = File.ReadAllText(ExperimentFiles.PathOf("mrpc-tiny.yaml"))
            .Replace("  num_train_epochs: 40\n", $"  num_train_epochs: {epochs}\n{extraTraining}", StringComparison.Ordinal)
            .Replace("  output_dir: runs/mrpc-tiny\n", $"  output_dir: {Output}\n  metric_for_best_model: accuracy\n", StringComparison.Ordinal)
            .Replace("  name: glue/mrpc\n", $"  name: glue/mrpc\n  data_root: {TestData.Root}\n", StringComparison.Ordinal);
        var file = folder.File("tiny-sweep.yaml");
        File.WriteAllText(file, yaml + sweep);
        return file;
    }

    private TrialProgram TrialProgram() =>
        ExperimentKit.Sweeps.TrialProgram.Of(typeof(ExperimentKit.Experiments.MrpcTinyExperiment).Assembly) with
        {
            Environment = new Dictionary<string, string> { [TokenizationCache.EnvironmentVariable] = Cache },
        };

    private (int ExitCode, string Output) Sweep(string file, params string[] options)
    {
        var console = new RecordingConsole();
        var parallel = options is ["--parallel", var k] ? int.Parse(k, System.Globalization.CultureInfo.InvariantCulture) : 1;
        var exitCode = SweepRun.Execute(new SweepRequest(file, [], parallel, null, null, Threads: 1), console.Console, _ => null, CancellationToken.None, TrialProgram());
        return (exitCode, console.Text);
    }

    private static (int ExitCode, string Output) Collect(string sweepFolder)
    {
        var console = new RecordingConsole();
        return (SweepRun.Collect(sweepFolder, console.Console), console.Text);
    }

    /// <summary>The program in this process, with the tests' tokenization cache.</summary>
    private (int ExitCode, string Output) Program(string[] args)
    {
        var previous = Environment.GetEnvironmentVariable(TokenizationCache.EnvironmentVariable);
        Environment.SetEnvironmentVariable(TokenizationCache.EnvironmentVariable, Cache);
        try
        {
            var console = new RecordingConsole();
            return (CommandLine.Run(args, console.Console), console.Text);
        }
        finally
        {
            Environment.SetEnvironmentVariable(TokenizationCache.EnvironmentVariable, previous);
        }
    }

    /// <summary>docs/recipes/slurm/sweep.sbatch as Slurm starts one task of an array (Slurm reads #SBATCH lines; bash skips them).</summary>
    private RunningProgram StartSlurmTask(string experimentFile, int task, int tasks)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestData.RepositoryRoot, "docs", "recipes", "slurm", "sweep.sbatch"));
        start.ArgumentList.Add(experimentFile);
        var variables = new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = $"{task}",
            ["SLURM_ARRAY_TASK_MIN"] = "0",
            ["SLURM_ARRAY_TASK_COUNT"] = $"{tasks}",
            ["SLURM_CPUS_PER_TASK"] = "1",
            ["SLURM_SUBMIT_DIR"] = folder.Path,
            ["EXPERIMENTKIT_BIN"] = Path.GetDirectoryName(typeof(ExperimentKit.Experiments.MrpcTinyExperiment).Assembly.Location)!,
            [TokenizationCache.EnvironmentVariable] = Cache,
        };
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        return new RunningProgram(Process.Start(start)!);
    }

    private sealed class RunningProgram(Process process)
    {
        private readonly Task<string> output = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> error = process.StandardError.ReadToEndAsync();

        public string Output => output.Result + error.Result;

        public int Wait()
        {
            process.WaitForExit();
            return process.ExitCode;
        }
    }

    private sealed class RecordingReporter : ISweepReporter
    {
        public List<string> Started { get; } = [];

        public void Starting(SweepRunOptions options, int trialsOfThisShard, int threadsPerTrial)
        {
        }

        public void Skipped(SweepTrial trial, TrialOutcome why)
        {
        }

        void ISweepReporter.Started(SweepTrial trial, bool resumed, string log) => Started.Add($"started {trial.Id}{(resumed ? " resumed" : string.Empty)}");

        public void Finished(SweepTrial trial, TimeSpan took, IReadOnlyDictionary<string, double> results)
        {
        }

        public void Failed(SweepTrial trial, int exitCode, string error)
        {
        }

        public void Interrupted(SweepTrial trial)
        {
        }
    }
}
