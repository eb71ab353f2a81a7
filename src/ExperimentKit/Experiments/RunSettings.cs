using ExperimentKit.Data;
using Spectre.Console;

namespace ExperimentKit.Experiments;

/// <summary>How to run: the experiment file (data and relative paths are found from it) and where to report.</summary>
/// <param name="TokenizationCache">Where tokenized splits are cached; null: <see cref="TokenizationCache.FromEnvironment"/>.</param>
public sealed record RunSettings(string ExperimentFile, IAnsiConsole Console, TokenizationCache? TokenizationCache = null);
