using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>A compiled experiment: runs a validated spec (the YAML, possibly with overrides) to completion.</summary>
public interface IExperiment
{
    RunResult Run(ExperimentSpec spec, RunSettings settings);
}
