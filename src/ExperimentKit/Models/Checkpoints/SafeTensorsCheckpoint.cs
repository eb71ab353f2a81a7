using System.Text.Json;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// Checkpoint tensors from one safetensors file or the shards that `model.safetensors.index.json`
/// lists (its `weight_map` names each tensor's file). Headers are read up front, tensors on demand.
/// </summary>
internal sealed class SafeTensorsCheckpoint : CheckpointTensors
{
    private readonly IReadOnlyList<SafeTensorsReader> files;
    private readonly Dictionary<string, SafeTensorsReader> byName;

    private SafeTensorsCheckpoint(string source, IReadOnlyList<SafeTensorsReader> files)
    {
        Source = source;
        this.files = files;
        byName = new Dictionary<string, SafeTensorsReader>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var name in file.Entries.Keys)
            {
                if (!byName.TryAdd(name, file))
                {
                    throw new InvalidDataException($"{source}: tensor '{name}' is in both {byName[name].Path} and {file.Path}.");
                }
            }
        }
    }

    public override string Source { get; }

    public override IEnumerable<string> Names => byName.Keys;

    public static SafeTensorsCheckpoint FromFile(string path) => new(path, [SafeTensorsFile.Open(path)]);

    /// <summary>Opens every shard named by a `model.safetensors.index.json`.</summary>
    public static SafeTensorsCheckpoint FromIndex(string indexPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
        string[] shards;
        try
        {
            using var index = JsonDocument.Parse(File.ReadAllText(indexPath));
            shards = index.RootElement.GetProperty("weight_map").EnumerateObject()
                .Select(entry => entry.Value.GetString() ?? throw new InvalidDataException($"{indexPath}: weight_map.{entry.Name} is not a file name."))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{indexPath}: not a safetensors index ({exception.Message}).", exception);
        }

        var readers = new List<SafeTensorsReader>();
        try
        {
            foreach (var shard in shards)
            {
                readers.Add(SafeTensorsFile.Open(Path.Combine(folder, shard)));
            }

            return new SafeTensorsCheckpoint(indexPath, readers);
        }
        catch
        {
            readers.ForEach(r => r.Dispose());
            throw;
        }
    }

    public override IReadOnlyList<long> Shape(string name) => byName[name].Entries[name].Shape;

    public override Tensor Read(string name) => byName[name].ReadTensor(name);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var file in files)
            {
                file.Dispose();
            }
        }
    }
}
