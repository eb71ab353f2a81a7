using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema;

/// <summary>The parsed experiment (null when any error was found) and every finding, in file order.</summary>
public sealed record SchemaResult(ExperimentSpec? Spec, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    /// <summary>The experiment's `sweep:` section, checked point by point; null when it has none (or on any error).</summary>
    public SweepSpec? Sweep { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverityKind.Error);
}
