using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// A setting of the experiment file that turns out wrong only at run time (it contradicts a checkpoint's
/// config.json, say). The message has the compiler's form, `file(line,col): error EKxxxx: ...`.
/// </summary>
public sealed class ExperimentConfigurationException(string file, SourceLocation? location, string id, string problem)
    : Exception(location is { } at ? $"{file}({at.Line},{at.Column}): error {id}: {problem}" : $"{file}: error {id}: {problem}");
