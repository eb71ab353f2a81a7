using System.Text.Json.Nodes;
using ExperimentKit.IO;
using ExperimentKit.Training;

namespace ExperimentKit.Runs;

/// <summary>
/// metrics.jsonl: one JSON object per log or evaluation event, with the keys of the Trainer's log_history
/// (<see cref="LogHistoryJson"/>). Each event rewrites the file through a temporary one, as every file of a run is
/// written: a kill mid-write leaves the previous events whole rather than a torn last line (the file is small; a run
/// logs hundreds of lines, not millions).
/// </summary>
public sealed class MetricsLog(string path)
{
    private readonly System.Text.StringBuilder lines = new();

    public void Append(TrainingLogEntry entry) => Append(LogHistoryJson.ToJson(entry));

    /// <summary>Starts the file over: a resumed run replays its checkpoint's log_history, dropping what was logged after it.</summary>
    public void Clear()
    {
        lines.Clear();
        AtomicFile.WriteAllText(path, string.Empty);
    }

    public void Append(EvaluationLogEntry entry) => Append(LogHistoryJson.ToJson(entry));

    public void Append(TrainOutput output) => Append(LogHistoryJson.ToJson(output));

    private void Append(JsonObject line)
    {
        lines.Append(line.ToJsonString(LogHistoryJson.Options)).Append('\n');
        AtomicFile.WriteAllText(path, lines.ToString());
    }
}
