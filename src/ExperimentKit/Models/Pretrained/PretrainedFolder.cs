namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// A Hugging Face model folder (local, or a hub cache snapshot): config.json, the weights, and the
/// tokenizer files beside them.
/// </summary>
public sealed record PretrainedFolder(string Path)
{
    public const string ConfigFile = "config.json";
    public const string SafetensorsFile = "model.safetensors";
    public const string SafetensorsIndexFile = "model.safetensors.index.json";
    public const string PyTorchFile = "pytorch_model.bin";

    public string Config => File(ConfigFile);

    /// <summary>Opens the weights: model.safetensors, else the shards of model.safetensors.index.json, else pytorch_model.bin.</summary>
    public CheckpointTensors OpenWeights()
    {
        if (System.IO.File.Exists(File(SafetensorsFile)))
        {
            return CheckpointTensors.OpenFile(File(SafetensorsFile));
        }

        if (System.IO.File.Exists(File(SafetensorsIndexFile)))
        {
            return CheckpointTensors.OpenIndex(File(SafetensorsIndexFile));
        }

        if (System.IO.File.Exists(File(PyTorchFile)))
        {
            return CheckpointTensors.OpenPyTorch(File(PyTorchFile));
        }

        throw new FileNotFoundException(
            $"No weights in {Path}: looked for {SafetensorsFile}, {SafetensorsIndexFile} and {PyTorchFile}. Put the weights beside config.json.");
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
