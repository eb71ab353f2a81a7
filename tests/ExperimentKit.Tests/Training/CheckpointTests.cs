using System.Text.Json.Nodes;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Tests.Training;

/// <summary>checkpoint-&lt;step&gt; folders: what they hold, when they are written, rotation, the best model, resuming.</summary>
[Collection(TorchCollection.Name)]
public sealed class CheckpointTests
{
    private static readonly TrainingSpec Base = TrainerHarness.Args with { Seed = 5, LoggingSteps = 2, SaveSteps = 5 };

    private static readonly IReadOnlyList<ExperimentKit.Data.EncodedExample> Examples = TrainerHarness.Examples(32);

    [Fact]
    public void Steps_strategy_saves_every_save_steps_and_the_last_step_keeping_save_total_limit()
    {
        using var output = new TemporaryFolder();
        var run = RunFolder.Create(output.Path, DateTime.UtcNow);

        TrainerHarness.Train(Base with { SaveTotalLimit = 2 }, Examples, run);

        Assert.Equal([10, 12], CheckpointFolders.List(run.Path).Select(c => c.Step));
        var latest = CheckpointFolders.List(run.Path)[^1].Path;
        string[] files = ["model.safetensors", "optimizer.bin", "resume_state.json", "rng_state.safetensors", "scheduler.json", "trainer_state.json"];
        Assert.Equal(files, Directory.GetFiles(latest).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(latest, "trainer_state.json")))!;
        Assert.Equal(12, (int)state["global_step"]!);
        Assert.Equal(3.0, (double)state["epoch"]!);
        Assert.Equal(6, state["log_history"]!.AsArray().Count);
        Assert.Empty(Directory.GetDirectories(Path.Combine(run.Path, CheckpointFolders.Folder), ".*"));
    }

    [Fact]
    public void A_save_that_fails_half_way_leaves_the_earlier_checkpoints_whole()
    {
        using var output = new TemporaryFolder();
        var run = RunFolder.Create(output.Path, DateTime.UtcNow);
        var checkpoints = new CheckpointFolders(run, path => File.WriteAllText(Path.Combine(path, "model.safetensors"), "weights"), saveTotalLimit: null);

        checkpoints.Save(4, path => File.WriteAllText(Path.Combine(path, "trainer_state.json"), "{}"), keep: null);
        var failure = Assert.Throws<IOException>(() => checkpoints.Save(8, _ => throw new IOException("No space left on device"), keep: null));

        Assert.StartsWith($"could not write checkpoint-8 in {run.File(CheckpointFolders.Folder)}: No space left on device (", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing of it was kept and the last whole checkpoint is checkpoint-4; free space or fix the folder, then continue with --resume.", failure.Message, StringComparison.Ordinal);
        Assert.Equal([4], CheckpointFolders.List(run.Path).Select(c => c.Step));
        Assert.Empty(Directory.GetDirectories(run.File(CheckpointFolders.Folder), ".*"));
        checkpoints.Save(8, path => File.WriteAllText(Path.Combine(path, "trainer_state.json"), "{}"), keep: null);
        Assert.Equal([4, 8], CheckpointFolders.List(run.Path).Select(c => c.Step));
    }

    [Fact]
    public void Load_best_model_at_end_keeps_the_best_checkpoint_and_ends_with_its_weights()
    {
        using var output = new TemporaryFolder();
        var run = RunFolder.Create(output.Path, DateTime.UtcNow);

        // The highest evaluation loss is "best": an early checkpoint, which rotation must keep.
        var args = Base with
        {
            EvalStrategy = IntervalStrategy.Epoch,
            SaveStrategy = IntervalStrategy.Epoch,
            SaveTotalLimit = 1,
            LoadBestModelAtEnd = true,
            GreaterIsBetter = true,
        };
        var trained = TrainerHarness.Train(args, Examples, run);

        var bestStep = trained.Events.Evaluations.MaxBy(e => e.Loss)!.Step;
        var kept = CheckpointFolders.List(run.Path);
        Assert.Equal(new[] { bestStep, 12 }.Distinct(), kept.Select(c => c.Step));
        var best = kept.Single(c => c.Step == bestStep).Path;
        Assert.Equal(File.ReadAllBytes(Path.Combine(best, "model.safetensors")), File.ReadAllBytes(run.File("best/model.safetensors")));
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(kept[^1].Path, "trainer_state.json")))!;
        Assert.Equal($"checkpoints/checkpoint-{bestStep}", (string?)state["best_model_checkpoint"]);
        Assert.Equal(trained.Events.Evaluations.Max(e => e.Loss), (double)state["best_metric"]!);
        using var bestWeights = new TemporaryModelWeights(Path.Combine(best, "model.safetensors"));
        Assert.Equal(bestWeights.Bytes, trained.Weights);
    }

    [Fact]
    public void A_run_stopped_after_a_checkpoint_and_resumed_ends_bit_identical_to_an_uninterrupted_one()
    {
        using var output = new TemporaryFolder();
        var args = Base with { EvalStrategy = IntervalStrategy.Steps, EvalSteps = 3 };
        var uninterrupted = TrainerHarness.Train(args, Examples, RunFolder.Create(Path.Combine(output.Path, "a"), DateTime.UtcNow));

        var interrupted = RunFolder.Create(Path.Combine(output.Path, "b"), DateTime.UtcNow);
        Assert.Throws<OperationCanceledException>(() => TrainerHarness.Train(args, Examples, interrupted, also: new StopAt(7)));
        var resumed = TrainerHarness.Train(args, Examples, RunFolder.Reopen(interrupted.Path), CheckpointFolders.List(interrupted.Path)[^1].Path);

        Assert.Equal(uninterrupted.Weights, resumed.Weights);
        Assert.Equal(uninterrupted.Events.Logs.Select(l => (l.Step, l.Loss, l.GradNorm, l.LearningRate)), resumed.Events.Logs.Select(l => (l.Step, l.Loss, l.GradNorm, l.LearningRate)));
        Assert.Equal(uninterrupted.Events.Evaluations.Select(e => (e.Step, e.Loss, e.Metric("accuracy"))), resumed.Events.Evaluations.Select(e => (e.Step, e.Loss, e.Metric("accuracy"))));
        Assert.Equal(uninterrupted.Output.TrainingLoss, resumed.Output.TrainingLoss);
    }

    [Fact]
    public void A_diverging_loss_stops_training_naming_the_step_the_learning_rate_and_the_last_good_checkpoint()
    {
        using var output = new TemporaryFolder();
        var run = RunFolder.Create(output.Path, DateTime.UtcNow);

        // A learning rate this large overflows the weights within a few steps.
        var diverged = Assert.Throws<TrainingDivergedException>(() => TrainerHarness.Train(Base with { LearningRate = 1e30, LrSchedulerType = LrSchedulerKind.Constant, SaveSteps = 1 }, Examples, run));

        var saved = CheckpointFolders.List(run.Path);
        Assert.Equal(diverged.Step - 1, saved[^1].Step);
        Assert.Equal(saved[^1].Path, diverged.LastCheckpoint);
        Assert.Equal(1e30, diverged.LearningRate);
        Assert.Contains($"at step {diverged.Step} (learning_rate 1e+30)", diverged.Message, StringComparison.Ordinal);
        Assert.Contains($"Last good checkpoint: {saved[^1].Path}. ", diverged.Message, StringComparison.Ordinal);
        Assert.EndsWith($"resume from it with --resume {saved[^1].Path}.", diverged.Message, StringComparison.Ordinal);
    }

    /// <summary>Simulates a crash: throws once training reaches the step.</summary>
    private sealed class StopAt(int stopStep) : ITrainerCallback
    {
        public void OnTrainBegin(TrainingPlan plan, int exampleCount)
        {
        }

        public void OnStep(StepProgress progress)
        {
            if (progress.Step == stopStep)
            {
                throw new OperationCanceledException($"stopped at step {stopStep}");
            }
        }

        public void OnLog(TrainingLogEntry entry)
        {
        }

        public void OnEvaluate(EvaluationLogEntry entry)
        {
        }

        public void OnEarlyStop(EarlyStopEvent stop)
        {
        }

        public void OnTrainEnd(TrainOutput output)
        {
        }
    }

    /// <summary>A safetensors file's tensors as bytes by name, comparable with <see cref="Trained.Weights"/>.</summary>
    private sealed class TemporaryModelWeights : IDisposable
    {
        private readonly IReadOnlyDictionary<string, torch.Tensor> tensors;

        public TemporaryModelWeights(string path)
        {
            tensors = SafeTensorsFile.Load(path);
            Bytes = tensors.ToDictionary(kv => kv.Key, kv => kv.Value.contiguous().bytes.ToArray());
        }

        public Dictionary<string, byte[]> Bytes { get; }

        public void Dispose()
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
