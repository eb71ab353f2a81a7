using System.Text;
using System.Text.Json.Nodes;
using ExperimentKit.Experiments;
using ExperimentKit.IO;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Tests.EndToEnd;

namespace ExperimentKit.Tests.Runs;

/// <summary>The events file: TFRecord framing with CRC-32C, Event protobufs, and transformers' tags and steps.</summary>
[Collection(TorchCollection.Name)]
public sealed class TensorBoardLogTests
{
    /// <summary>metrics.jsonl keys and the tags transformers' rewrite_logs gives them, written out by hand.</summary>
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["loss"] = "train/loss",
        ["grad_norm"] = "train/grad_norm",
        ["learning_rate"] = "train/learning_rate",
        ["epoch"] = "train/epoch",
        ["eval_loss"] = "eval/loss",
        ["eval_accuracy"] = "eval/accuracy",
        ["eval_f1"] = "eval/f1",
        ["eval_runtime"] = "eval/runtime",
        ["eval_samples_per_second"] = "eval/samples_per_second",
        ["train_runtime"] = "train/train_runtime",
        ["train_samples_per_second"] = "train/train_samples_per_second",
        ["train_steps_per_second"] = "train/train_steps_per_second",
        ["train_loss"] = "train/train_loss",
    };

    [Theory]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    public void Crc32c_gives_the_castagnoli_check_values(string text, uint expected) =>
        Assert.Equal(expected, Crc32C.Compute(Encoding.ASCII.GetBytes(text)));

    [Fact]
    public void A_tiny_run_logs_every_metrics_line_as_scalars_at_its_step_under_logging_dir()
    {
        using var output = new TemporaryFolder();
        var loggingDir = output.File("tensorboard");

        var run = RunTiny(output.Path, loggingDir);

        var folder = Path.Combine(loggingDir, Path.GetFileName(run.RunDirectory));
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Empty(Directory.GetFiles(run.RunDirectory, TensorBoardLog.FilePrefix + "*"));
        Assert.Matches($@"^events\.out\.tfevents\.\d{{10}}\.{Environment.MachineName}\.\d+$", Path.GetFileName(file));
        var records = EventsFileReader.Read(file, out var torn);
        Assert.False(torn);
        Assert.Equal("brain.Event:2", records[0].FileVersion);

        var expected = File.ReadAllLines(Path.Combine(run.RunDirectory, "metrics.jsonl"))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .SelectMany(line => line.Where(p => p.Key != "step").Select(p => ((long)(int)line["step"]!, Tags[p.Key], (float)(double)p.Value!)))
            .ToList();
        Assert.Equal(expected, records.Skip(1).Select(r => (r.Step, r.Tag!, r.Value!.Value)));
        Assert.Superset(
            new HashSet<string> { "train/loss", "train/learning_rate", "train/grad_norm", "eval/loss", "eval/accuracy", "eval/f1" },
            records.Select(r => r.Tag).OfType<string>().ToHashSet());
        Assert.Equal([4L, 8L, 12L], records.Where(r => r.Tag == "eval/loss").Select(r => r.Step));
        Assert.All(records, r => Assert.InRange(r.WallTime, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
    }

    [Fact]
    public void A_record_torn_by_a_crash_leaves_every_earlier_record_readable()
    {
        using var folder = new TemporaryFolder();
        var log = TensorBoardLog.Start(folder.Path, DateTimeOffset.UtcNow);
        log.OnLog(new ExperimentKit.Training.TrainingLogEntry(5, 0.5, 0.25, 1.5, 1e-4));
        var whole = File.ReadAllBytes(log.Path);
        log.OnLog(new ExperimentKit.Training.TrainingLogEntry(10, 1.0, 0.125, 1.0, 5e-5));
        File.WriteAllBytes(log.Path, File.ReadAllBytes(log.Path)[..(whole.Length + 20)]);

        var records = EventsFileReader.Read(log.Path, out var torn);

        Assert.True(torn);
        Assert.Equal(
            [(5L, "train/loss", 0.25f), (5L, "train/grad_norm", 1.5f), (5L, "train/learning_rate", 1e-4f), (5L, "train/epoch", 0.5f)],
            records.Skip(1).Select(r => (r.Step, r.Tag!, r.Value!.Value)));
    }

    [Fact]
    public void A_new_log_in_the_same_folder_starts_the_scalars_over()
    {
        using var folder = new TemporaryFolder();
        var first = TensorBoardLog.Start(folder.Path, DateTimeOffset.UtcNow.AddSeconds(-10));
        first.OnLog(new ExperimentKit.Training.TrainingLogEntry(5, 0.5, 0.25, 1.5, 1e-4));

        var second = TensorBoardLog.Start(folder.Path, DateTimeOffset.UtcNow);

        Assert.Equal([second.Path], Directory.GetFiles(folder.Path));
        Assert.Single(EventsFileReader.Read(second.Path, out _));
    }

    private static RunResult RunTiny(string outputDir, string loggingDir) =>
        ExperimentFiles.Run(new MrpcTinyExperiment(), "mrpc-tiny.yaml", outputDir, spec => spec with
        {
            Training = spec.Training with
            {
                MaxSteps = 12,
                LoggingSteps = 4,
                EvalStrategy = IntervalStrategy.Steps,
                EvalSteps = 4,
                SaveStrategy = IntervalStrategy.No,
                LoggingDir = loggingDir,
            },
        });
}
