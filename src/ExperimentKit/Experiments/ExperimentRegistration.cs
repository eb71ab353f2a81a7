using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// What the generator registers for each experiments/*.yaml: its name, its file, the spec it was compiled from (what
/// runs) and a factory for its typed runner.
/// </summary>
public sealed record ExperimentRegistration(string Name, string SourceFile, ExperimentSpec Compiled, Func<IExperiment> Create);
