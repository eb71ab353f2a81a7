using ExperimentKit.Schema.Model;

namespace ExperimentKit.Generators.Model;

/// <summary>
/// Everything the emitter needs for one experiment, and nothing else: the spec carries no source locations here, so
/// an edit that only moves lines (a comment, blank lines) leaves the model equal and the source is not emitted again.
/// </summary>
/// <param name="TypePrefix">PascalCase of the experiment name: <c>mrpc-tiny</c> → <c>MrpcTiny</c>.</param>
internal sealed record ExperimentModel(string SourceFile, string TypePrefix, ExperimentSpec Spec, EquatableArray<LabelMember> Labels);
