using ExperimentKit.Data;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>A compiled experiment: runs a validated spec (the YAML, possibly with overrides) to completion.</summary>
public interface IExperiment
{
    RunResult Run(ExperimentSpec spec, RunSettings settings);

    /// <summary>
    /// Trainer.predict with a saved model folder (a run's, or a checkpoint's) on one split of the experiment's dataset;
    /// writes the predictions and metrics into that folder.
    /// </summary>
    PredictionResult Predict(ExperimentSpec spec, string modelFolder, DatasetSplit split, RunSettings settings);
}
