using ExperimentKit.Schema;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// A setting of the experiment file that turns out wrong only at run time (it contradicts a checkpoint's
/// config.json, say). The message has the compiler's form, `file(line,col): error EKxxxx: ...`.
/// </summary>
public sealed class ExperimentConfigurationException(string file, SourceLocation? location, string id, string problem)
    : Exception(location is { } at ? $"{file}({at.Line},{at.Column}): error {id}: {problem}" : $"{file}: error {id}: {problem}")
{
    /// <summary>
    /// The finding as the command line prints it: like a build finding, naming the `--set` override instead of the file
    /// when the setting came from one (as <see cref="SchemaDiagnostic.Format"/> does).
    /// </summary>
    public string Format(IReadOnlyList<SettingOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new SchemaDiagnostic(id, DiagnosticSeverityKind.Error, problem, location ?? new SourceLocation(1, 1)) is { Location.IsCommandLine: true } finding
            ? finding.Format(file, overrides)
            : Message;
    }
}
