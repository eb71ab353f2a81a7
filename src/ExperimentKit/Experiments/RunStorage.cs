using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>What a run will write, checked against the free space of its folder before the first step.</summary>
internal static class RunStorage
{
    /// <summary>
    /// A checkpoint holds the weights and AdamW's two moments of each (three times the model), and the run ends with
    /// the model once more; without checkpoints only that final model is written.
    /// </summary>
    public static void Check(string folder, torch.nn.Module model, TrainingSpec training)
    {
        var modelBytes = model.state_dict().Values.Sum(tensor => tensor.numel() * tensor.ElementSize);
        if (training.SaveStrategy == IntervalStrategy.No)
        {
            StorageSpace.Require(folder, modelBytes, "the final model");
        }
        else
        {
            StorageSpace.Require(folder, 4 * modelBytes, "one checkpoint (weights and AdamW state) and the final model");
        }
    }
}
