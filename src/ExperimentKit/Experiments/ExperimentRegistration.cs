namespace ExperimentKit.Experiments;

/// <summary>What the generator registers for each experiments/*.yaml: its name, its file and a factory.</summary>
public sealed record ExperimentRegistration(string Name, string SourceFile, Func<IExperiment> Create);
