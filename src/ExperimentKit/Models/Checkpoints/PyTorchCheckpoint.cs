using System.IO.Compression;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// A <c>torch.save</c> state dict (pytorch_model.bin): a zip holding <c>{archive}/data.pkl</c>, the pickled dict of
/// tensor views, and <c>{archive}/data/{key}</c>, each storage's raw little-endian bytes. The pickle is decoded up front;
/// storages are read per tensor. The pre-1.6 (non-zip) format is refused.
/// </summary>
internal sealed class PyTorchCheckpoint : CheckpointTensors
{
    private readonly ZipArchive archive;
    private readonly string prefix;
    private readonly Dictionary<string, PickledTensor> tensors;

    private PyTorchCheckpoint(string path, ZipArchive archive)
    {
        Source = path;
        this.archive = archive;
        var pickle = archive.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1)
            ?? throw new InvalidDataException($"{path}: no <archive>/data.pkl entry; not a torch.save checkpoint.");
        prefix = pickle.FullName[..^"data.pkl".Length];
        if (archive.GetEntry(prefix + "byteorder") is { } byteOrder && ReadText(byteOrder) != "little")
        {
            throw new NotSupportedException($"{path}: the tensors are stored big-endian; only little-endian checkpoints are read.");
        }

        tensors = [];
        foreach (var (name, tensor) in StateDictUnpickler.Read(ReadAll(pickle), path))
        {
            if (!tensor.FitsStorage())
            {
                throw new InvalidDataException($"{path}: tensor '{name}' reaches outside its storage '{tensor.Storage.Key}'.");
            }

            if (!tensors.TryAdd(name, tensor))
            {
                throw new InvalidDataException($"{path}: tensor '{name}' appears twice.");
            }
        }
    }

    public override string Source { get; }

    public override IEnumerable<string> Names => tensors.Keys;

    public static PyTorchCheckpoint Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
            return new PyTorchCheckpoint(path, archive);
        }
        catch (InvalidDataException e) when (archive is null)
        {
            stream.Dispose();
            throw new InvalidDataException(
                $"{path}: not a zip archive, so not a torch.save checkpoint (files from torch before 1.6 must be re-saved) ({e.Message})", e);
        }
        catch
        {
            archive?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    public override IReadOnlyList<long> Shape(string name) => tensors[name].Shape;

    public override Tensor Read(string name)
    {
        var view = tensors[name];
        var entry = archive.GetEntry($"{prefix}data/{view.Storage.Key}")
            ?? throw new InvalidDataException($"{Source}: storage '{view.Storage.Key}' of tensor '{name}' is missing.");
        using var scope = NewDisposeScope();
        var storage = empty(view.Storage.Count, dtype: view.Storage.DType);
        if (entry.Length != view.Storage.Count * storage.ElementSize)
        {
            throw new InvalidDataException(
                $"{Source}: storage '{view.Storage.Key}' holds {entry.Length} bytes, not the {view.Storage.Count} × {storage.ElementSize} its tensors need.");
        }

        if (entry.Length > int.MaxValue)
        {
            throw new NotSupportedException($"{Source}: storage '{view.Storage.Key}' has {entry.Length} bytes; more than 2 GiB per storage is not supported.");
        }

        if (entry.Length > 0)
        {
            using var data = entry.Open();
            data.ReadExactly(storage.bytes);
        }

        // Copying out of the view gives a contiguous tensor of its own, whether the view was a slice, a transpose
        // or a whole storage shared with a tied weight.
        var result = empty([.. view.Shape], dtype: view.Storage.DType);
        result.copy_(storage.as_strided([.. view.Shape], [.. view.Stride], view.Offset));
        return result.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            archive.Dispose();
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
