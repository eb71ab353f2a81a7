using ExperimentKit.Schema.Model;

namespace ExperimentKit.Generators.Model;

/// <summary>The parse of one file: the model to emit (null when the file has errors), its findings, and its name for the cross-file check
/// (null when nothing is emitted: only emitted experiments can clash).</summary>
internal sealed record ParsedExperiment(string? Name, FilePlace NamePlace, ExperimentModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
