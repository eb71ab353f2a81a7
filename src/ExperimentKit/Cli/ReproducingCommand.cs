using System.Globalization;
using System.Text.RegularExpressions;

namespace ExperimentKit.Cli;

/// <summary>
/// The shell command that runs a request again as a plain run, `dotnet run -- experiments/x.yaml --set a=b --threads 2`:
/// what a run folder's command.txt holds. Where the run was written (--run-dir) and resuming are left out, since
/// neither changes the numbers.
/// </summary>
public static partial class ReproducingCommand
{
    public static string Of(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = new List<string> { "dotnet", "run", "--", request.ExperimentFile };
        foreach (var setting in request.Overrides)
        {
            words.Add("--set");
            words.Add(setting.ToString());
        }

        if (request.Threads is { } threads)
        {
            words.Add("--threads");
            words.Add(threads.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(' ', words.Select(Quote));
    }

    /// <summary>A word as POSIX shells read it back: bare when it holds nothing they interpret, else in single quotes.</summary>
    public static string Quote(string word) =>
        Plain().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./=:,+@%-]+$")]
    private static partial Regex Plain();
}
