using System.Collections.Generic;
using System.Globalization;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema;

/// <summary>How bad a schema finding is. Every rule today is an error; the kind exists so the format stays MSBuild's.</summary>
public enum DiagnosticSeverityKind
{
    Error,
    Warning,
}

/// <summary>One finding in an experiment file, at a 1-based line and column.</summary>
public sealed record SchemaDiagnostic(string Id, DiagnosticSeverityKind Severity, string Message, SourceLocation Location)
{
    /// <summary>
    /// MSBuild's canonical error format, so IDEs and CI logs link the line: <c>experiments/x.yaml(12,5): error EK0102: message</c>;
    /// a finding about a command-line override names it instead: <c>--set training.learning_rate=fast: error EK0102: message</c>.
    /// </summary>
    public string Format(string filePath, IReadOnlyList<SettingOverride>? overrides = null) => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: {1} {2}: {3}",
        Location.IsCommandLine && overrides is not null && Location.Column <= overrides.Count
            ? "--set " + overrides[Location.Column - 1]
            : string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", filePath, Location.Line, Location.Column),
        Severity == DiagnosticSeverityKind.Error ? "error" : "warning",
        Id,
        Message);
}
