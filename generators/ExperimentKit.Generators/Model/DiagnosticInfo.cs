using ExperimentKit.Schema.Model;

namespace ExperimentKit.Generators.Model;

/// <summary>A place in a file as plain data (no Roslyn Location in the pipeline); <see cref="Offset"/> is its character index.</summary>
internal sealed record FilePlace(string Path, SourceLocation Location, int Offset);

/// <summary>A finding as plain data, turned into a Roslyn Diagnostic only when reported.</summary>
internal sealed record DiagnosticInfo(string Id, string Message, FilePlace Place);
