using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ExperimentKit.Benchmarks.MainJob;

/// <summary>
/// `main-job [--configuration Debug|Release] [--max-steps N]`: the README's main job as a user runs it, `dotnet run`
/// from the repository root, timed from outside: each line the program prints is stamped as it arrives, and the phases
/// are cut at the lines that open them (the checkpoint, the run folder, the training banner, train_runtime, "Run written
/// to"); evaluation time is the run's own eval_runtime and test_runtime. The build is done beforehand, so start-up is
/// what an unchanged checkout costs. The tokenization cache is a fresh folder, so tokenization is measured too.
/// </summary>
internal static class MainJobBenchmark
{
    public const string FullRun = "dotnet run -c Release --project bench/ExperimentKit.Benchmarks -- main-job --configuration {Debug,Release} --max-steps 0";

    public static int Run(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var configuration = Value("--configuration") ?? "Release";
        var maxSteps = int.Parse(Value("--max-steps") ?? "5", CultureInfo.InvariantCulture);
        var root = ResultsFolder.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("main-job-");
        try
        {
            RunToEnd(root, "dotnet", ["build", "-c", configuration, "ExperimentKit.Cli.csproj", "-v", "q"], work.FullName, out _);
            string[] experiment = ["run", "-c", configuration, "--project", "ExperimentKit.Cli.csproj", "--", "experiments/mrpc.yaml", "--set", $"training.output_dir={Path.Combine(work.FullName, "runs")}"];
            var lines = RunToEnd(root, "dotnet", maxSteps > 0 ? [.. experiment, "--set", $"training.max_steps={maxSteps}"] : experiment, work.FullName, out var wall);
            var row = Phases(lines, wall, Directory.GetDirectories(Path.Combine(work.FullName, "runs")).Single(), configuration, maxSteps);
            Console.WriteLine(Line(row));
            var (rows, replaced) = ResultsFolder.Merge("main-job.json", [row], r => r.Key);
            File.WriteAllText(ResultsFolder.PathOf("main-job.md"), Markdown(rows, replaced));
            Console.WriteLine($"full run: {FullRun}");
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static MainJobRow Phases(IReadOnlyList<(double At, string Text)> lines, double wall, string runFolder, string configuration, int maxSteps)
    {
        double At(string opening) => lines.First(l => l.Text.Contains(opening, StringComparison.Ordinal)).At;
        var (checkpoint, folder, loopStart, loopEnd, written) = (At("Pretrained checkpoint:"), At("Run folder:"), At("***** Running training"), At("train_runtime"), At("Run written to"));
        var inLoop = File.ReadAllLines(Path.Combine(runFolder, "metrics.jsonl"))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Sum(entry => entry["eval_runtime"] is { } seconds ? (double)seconds : 0);
        var final = (double?)JsonNode.Parse(File.ReadAllText(Path.Combine(runFolder, "predict_results.json")))!["test_runtime"] ?? 0;
        return new MainJobRow(
            configuration,
            maxSteps,
            checkpoint,
            loopStart - checkpoint,
            loopEnd - loopStart - inLoop,
            inLoop + final,
            written - loopEnd - final,
            wall - written,
            wall,
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>Runs a command to its end in <paramref name="root"/>, its lines stamped with the seconds since it started.</summary>
    private static List<(double At, string Text)> RunToEnd(string root, string command, IReadOnlyList<string> arguments, string work, out double wall)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["EXPERIMENTKIT_CACHE"] = Path.Combine(work, "cache");
        var lines = new List<(double, string)>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add((clock.Elapsed.TotalSeconds, line));
        }

        process.WaitForExit();
        wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{string.Join('\n', lines.Select(l => l.Item2))}");
        }

        return lines;
    }

    private static string Line(MainJobRow r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Configuration}, max_steps {r.MaxSteps}: start-up {r.StartUp:0.0} s, tokenization and model {r.TokenizationAndModel:0.0} s, training {r.Training:0.0} s, evaluation {r.Evaluation:0.0} s, saving {r.Saving:0.0} s, exit {r.Exit:0.0} s; wall {r.Wall:0.0} s");

    private static string Markdown(IReadOnlyList<MainJobRow> rows, IReadOnlyDictionary<string, MainJobRow> replaced)
    {
        var text = new StringBuilder();
        text.AppendLine("# Main job wall time (bench `main-job`)");
        text.AppendLine();
        text.AppendLine("`dotnet run [-c Release] -- experiments/mrpc.yaml` after a build, with a fresh tokenization cache; max_steps 0 is the YAML's 3 epochs. Seconds; *before* is the wall time this row replaced.");
        text.AppendLine();
        text.AppendLine("| configuration | max_steps | start-up | tokenization + model | training | evaluation | saving | exit | wall | measured | before |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows.OrderBy(r => r.MaxSteps).ThenBy(r => r.Configuration, StringComparer.Ordinal))
        {
            var before = replaced.TryGetValue(r.Key, out var old) ? string.Create(CultureInfo.InvariantCulture, $"{old.Wall:0.0} ({old.Measured})") : "";
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Configuration} | {r.MaxSteps} | {r.StartUp:0.0} | {r.TokenizationAndModel:0.0} | {r.Training:0.0} | {r.Evaluation:0.0} | {r.Saving:0.0} | {r.Exit:0.0} | {r.Wall:0.0} | {r.Measured} | {before} |"));
        }

        return text.ToString();
    }
}
