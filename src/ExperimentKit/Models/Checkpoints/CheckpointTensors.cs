using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// The named tensors of a checkpoint, whatever its file format: names and shapes up front (so a load can be checked
/// before anything is copied), each tensor read on demand as a new CPU tensor the caller owns.
/// </summary>
public abstract class CheckpointTensors : IDisposable
{
    /// <summary>The file (or index) the tensors come from, for messages.</summary>
    public abstract string Source { get; }

    public abstract IEnumerable<string> Names { get; }

    /// <summary>A safetensors file (model.safetensors).</summary>
    public static CheckpointTensors OpenFile(string path) => SafeTensorsCheckpoint.FromFile(path);

    /// <summary>Opens every shard named by a `model.safetensors.index.json`.</summary>
    public static CheckpointTensors OpenIndex(string indexPath) => SafeTensorsCheckpoint.FromIndex(indexPath);

    /// <summary>A <c>torch.save</c> zip checkpoint of a state dict (pytorch_model.bin).</summary>
    public static CheckpointTensors OpenPyTorch(string path) => PyTorchCheckpoint.Open(path);

    public abstract IReadOnlyList<long> Shape(string name);

    public abstract Tensor Read(string name);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
