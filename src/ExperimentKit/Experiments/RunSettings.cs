using ExperimentKit.Runs;
using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>
/// How to run: the experiment file (data and relative paths are found from it), where to report, and the interrupted
/// run to continue, if any.
/// </summary>
public sealed record RunSettings(string ExperimentFile, IAnsiConsole Console, ResumeRequest? Resume = null);
