using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema;

/// <summary>The parsed experiment (null when any error was found) and every finding, in file order.</summary>
public sealed record SchemaResult(ExperimentSpec? Spec, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverityKind.Error);
}
