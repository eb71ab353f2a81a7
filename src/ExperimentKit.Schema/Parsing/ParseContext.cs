using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>What one parse collects: findings, and the place of every key path written in the file.</summary>
internal sealed class ParseContext(string filePath)
{
    private readonly List<SchemaDiagnostic> diagnostics = [];
    private readonly List<SourceMapEntry> locations = [];

    public string FilePath { get; } = filePath;

    /// <summary>Where reading last got to: the place for a finding about an unexpected failure.</summary>
    public SourceLocation LastLocation => locations.Count > 0 ? locations[locations.Count - 1].Location : new SourceLocation(1, 1);

    public bool HasErrors => diagnostics.Any(d => d.Severity == DiagnosticSeverityKind.Error);

    public void Report(SchemaRule rule, SourceLocation location, string message) =>
        diagnostics.Add(new SchemaDiagnostic(rule.Id, rule.Severity, message, location));

    /// <summary>A finding made by another parse (a sweep point's), reported as this file's.</summary>
    public void Report(SchemaDiagnostic diagnostic) => diagnostics.Add(diagnostic);

    public void Locate(string path, SourceLocation location) => locations.Add(new SourceMapEntry(path, location));

    public SourceMap SourceMap() => new(FilePath, new EquatableArray<SourceMapEntry>(locations));

    /// <summary>In file order, so the build log reads top to bottom; the sort is stable for findings at one place.</summary>
    public EquatableArray<SchemaDiagnostic> Diagnostics() =>
        new(diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column));
}
