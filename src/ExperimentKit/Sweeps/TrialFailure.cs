using System.Text.Json.Nodes;
using ExperimentKit.IO;
using ExperimentKit.Training;

namespace ExperimentKit.Sweeps;

/// <summary>trials/&lt;id&gt;.failed.json: the exit code and the error a failed attempt printed, and where its log is.</summary>
public static class TrialFailure
{
    public static void Write(string path, int exitCode, string error, string log) =>
        AtomicFile.WriteAllText(path, new JsonObject
        {
            ["exit_code"] = exitCode,
            ["error"] = error,
            ["log"] = log,
        }.ToJsonString(LogHistoryJson.IndentedOptions) + "\n");

    public static string Read(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["error"]?.GetValue<string>() ?? "failed (no error recorded)";
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return $"failed ({path} is unreadable: {exception.Message})";
        }
    }

    /// <summary>What a failed trial said: its `error:` lines, else the last lines of its log (a crash prints no error line).</summary>
    public static string FromLog(IReadOnlyList<string> lines)
    {
        var errors = lines.Where(l => l.StartsWith("error:", StringComparison.Ordinal) || l.Contains(": error EK", StringComparison.Ordinal)).ToArray();
        return string.Join("\n", errors.Length > 0 ? errors : lines.TakeLast(20));
    }
}
