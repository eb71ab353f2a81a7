using System.Diagnostics;
using ExperimentKit.Schema;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// What the docs' commands share in one test run: a private Hugging Face cache (all-MiniLM-L6-v2 is imported into it
/// once, never into the user's), a private tokenization cache, the compiled program, and fixture runs for commands that
/// name a run folder no earlier command of their page made. Each page gets a work folder of its own, where
/// `experiments/`, `docs/` and `schema/` hold links to the repository's files, so its commands run from there as from
/// the repository root, and their `runs/` (and any file they write) stay in the temporary folder.
/// </summary>
public sealed class DocsWorkspace : IDisposable
{
    private readonly TemporaryFolder root = new();
    private readonly Dictionary<string, string> fixtureRuns = new(StringComparer.Ordinal);
    private readonly List<string> timings = [];
    private readonly Lazy<string> fixtureFolder;

    public DocsWorkspace()
    {
        fixtureFolder = new(() => NewWorkFolder("fixtures"));
    }

    /// <summary>The program the experiments are compiled into, as `dotnet run` runs it.</summary>
    public static string Program => typeof(ExperimentKit.Experiments.MrpcExperiment).Assembly.Location;

    public IReadOnlyList<string> Timings => timings;

    public string NewWorkFolder(string name)
    {
        var folder = root.File("work", name.Replace('/', '_'));
        Directory.CreateDirectory(folder);
        foreach (var mirrored in new[] { "experiments", "docs", "schema" })
        {
            Mirror(Path.Combine(TestData.RepositoryRoot, mirrored), Path.Combine(folder, mirrored));
        }

        return folder;
    }

    /// <summary>
    /// Folders of their own holding a link to each of the repository's files: a command reads the repository's files,
    /// and a file it writes there (`new` writes experiments/x.yaml) stays in the work folder.
    /// </summary>
    private static void Mirror(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.CreateSymbolicLink(Path.Combine(to, Path.GetFileName(file)), file);
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            Mirror(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>
    /// Runs one command line with bash in <paramref name="workFolder"/>: `dotnet run -- ...` (and `dotnet .../ExperimentKit.Cli.dll ...`)
    /// has become `ek ...`, the compiled program with <see cref="Shrink"/>'s overrides for what trains.
    /// </summary>
    public (int ExitCode, string Output) Bash(string workFolder, string command, string where, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Prelude + command + "\n");
        start.Environment["EK_PROGRAM"] = Program;
        start.Environment["EXPERIMENTKIT_DATA_ROOT"] = TestData.Root;
        start.Environment["EXPERIMENTKIT_CACHE"] = root.File("tokenized");
        start.Environment["HF_HUB_CACHE"] = root.File("hf");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"timed out after {timeout.TotalSeconds:0} s\n{output.Result}{error.Result}");
        }

        process.WaitForExit();
        lock (timings)
        {
            timings.Add(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:0.0} s  {where}  {command}"));
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>A finished run of experiments/<paramref name="experiment"/>.yaml made once for every page that needs one and made none itself.</summary>
    public string FixtureRun(string experiment)
    {
        lock (fixtureRuns)
        {
            if (!fixtureRuns.TryGetValue(experiment, out var run))
            {
                var folder = fixtureFolder.Value;
                var file = $"experiments/{experiment}.yaml";
                if (!File.Exists(Path.Combine(TestData.RepositoryRoot, file)))
                {
                    throw new InvalidOperationException($"no experiment {file} to make a fixture run from");
                }

                var (exitCode, output) = Bash(folder, $"ek {file}", $"fixture {experiment}", TimeSpan.FromMinutes(3));
                Assert.True(exitCode == 0, $"the fixture run of {file} failed ({exitCode}):\n{output}");
                run = RunFolders.LatestFinished(Path.Combine(folder, OutputDir(file))) ?? throw new InvalidOperationException($"{file} left no run folder");
                fixtureRuns[experiment] = run;
            }

            return run;
        }
    }

    /// <summary>training.output_dir of an experiment file, as written.</summary>
    public static string OutputDir(string experimentFile)
    {
        var path = Path.Combine(TestData.RepositoryRoot, experimentFile);
        return ExperimentSpecParser.Parse(path, File.ReadAllText(path)).Spec?.Training.OutputDir
            ?? throw new InvalidOperationException($"{experimentFile} does not parse");
    }

    public void Dispose() => root.Dispose();

    /// <summary>
    /// `ek`: the compiled program. A run, a resume or a sweep gets the shrinking overrides last; predict, pipeline, list,
    /// new, sweep collect and --help run exactly as written.
    /// </summary>
    private static string Prelude => $$"""
        set -o pipefail
        exec 2>&1
        ek() {
          local extra=()
          case "${1:-}" in
            sweep) [[ "${2:-}" == collect ]] || extra=({{string.Join(' ', Shrink.Sweep.Select(Quote))}}) ;;
            predict|pipeline|list|--list|new) ;;
            *) extra=({{string.Join(' ', Shrink.Run.Select(Quote))}}) ;;
          esac
          local argument
          for argument in "$@"; do
            case "$argument" in -h|--help|-\?) extra=() ;; esac
          done
          dotnet "$EK_PROGRAM" "$@" "${extra[@]}"
        }

        """;

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
