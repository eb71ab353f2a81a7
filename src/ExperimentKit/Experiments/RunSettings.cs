using ExperimentKit.Data;
using ExperimentKit.Runs;
using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>
/// How to run: the experiment file (data and relative paths are found from it), the console the run reports to, where
/// tokenized splits are cached (null: <see cref="TokenizationCache.FromEnvironment"/>) and the interrupted run to
/// continue, if any. Everything the run says goes through <see cref="Reporter"/>.
/// </summary>
public sealed record RunSettings(string ExperimentFile, IAnsiConsole Console, TokenizationCache? TokenizationCache = null, ResumeRequest? Resume = null)
{
    public IRunReporter Reporter { get; init; } = new ConsoleReporter(Console);

    /// <summary>The exact folder of a new run (a sweep's trial), instead of output_dir/&lt;start time&gt;.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>The command line that reproduces this run, kept in the run folder as command.txt; null writes none.</summary>
    public string? Command { get; init; }
}
