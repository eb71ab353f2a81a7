using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>How to run: the experiment file (data and relative paths are found from it) and where to report.</summary>
public sealed record RunSettings(string ExperimentFile, IAnsiConsole Console);
