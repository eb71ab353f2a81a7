using System.Text.Json.Nodes;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// The run's scalars in a TensorBoard events file, as transformers' TensorBoardCallback writes them: every number of
/// every metrics.jsonl line at that line's step, tagged as its rewrite_logs tags them (eval_x → eval/x, test_x → test/x,
/// anything else → train/x): train/loss, train/learning_rate, train/grad_norm, eval/loss, eval/&lt;metric&gt;, ...
/// </summary>
public sealed class TensorBoardLog : ITrainerCallback
{
    /// <summary>How TensorBoard recognises an events file; torch's SummaryWriter names them the same way.</summary>
    public const string FilePrefix = "events.out.tfevents.";

    private readonly TfRecordFile file;

    private TensorBoardLog(TfRecordFile file) => this.file = file;

    public string Path => file.Path;

    /// <summary>
    /// A new events file in <paramref name="folder"/>, after removing the ones an earlier process of this run left
    /// there: a resumed run replays its checkpoint's log history, as metrics.jsonl starts over.
    /// </summary>
    public static TensorBoardLog Start(string folder, DateTimeOffset now)
    {
        Directory.CreateDirectory(folder);
        foreach (var earlier in Directory.GetFiles(folder, FilePrefix + "*"))
        {
            File.Delete(earlier);
        }

        var name = $"{FilePrefix}{now.ToUnixTimeSeconds()}.{Environment.MachineName}.{Environment.ProcessId}";
        var log = new TensorBoardLog(new TfRecordFile(System.IO.Path.Combine(folder, name)));
        log.file.Append(TensorBoardEvent.Version(WallTime(now)));
        return log;
    }

    /// <summary>
    /// Where a run's events file goes: logging_dir/&lt;run id&gt; when logging_dir is set (TensorBoard reads a folder as
    /// one run, so runs sharing logging_dir keep a folder each), else the run folder beside metrics.jsonl.
    /// </summary>
    public static string FolderFor(RunFolder run, TrainingSpec training) =>
        training.LoggingDir is { } loggingDir ? System.IO.Path.Combine(loggingDir, System.IO.Path.GetFileName(run.FinalPath)) : run.Path;

    /// <summary>rewrite_logs' tag of a log_history key.</summary>
    public static string Tag(string key) =>
        key.StartsWith("eval_", StringComparison.Ordinal) ? "eval/" + key["eval_".Length..]
        : key.StartsWith("test_", StringComparison.Ordinal) ? "test/" + key["test_".Length..]
        : "train/" + key;

    public void OnTrainBegin(TrainingPlan plan, int exampleCount)
    {
    }

    public void OnStep(StepProgress progress)
    {
    }

    public void OnLog(TrainingLogEntry entry) => Write(LogHistoryJson.ToJson(entry));

    public void OnEvaluate(EvaluationLogEntry entry) => Write(LogHistoryJson.ToJson(entry));

    public void OnEarlyStop(EarlyStopEvent stop)
    {
    }

    public void OnTrainEnd(TrainOutput output) => Write(LogHistoryJson.ToJson(output));

    /// <summary>The step is the x axis, not a scalar of its own (transformers' logs carry it in the trainer state).</summary>
    private void Write(JsonObject line)
    {
        var step = (int)line["step"]!;
        var wallTime = WallTime(DateTimeOffset.UtcNow);
        foreach (var (key, value) in line)
        {
            if (key != "step" && value is JsonValue number && number.TryGetValue<double>(out var scalar))
            {
                file.Append(TensorBoardEvent.Scalar(wallTime, step, Tag(key), (float)scalar));
            }
        }
    }

    private static double WallTime(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
