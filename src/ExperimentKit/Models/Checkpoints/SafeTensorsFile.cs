using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// The safetensors format (Hugging Face): u64 little-endian header length, JSON header padded with spaces to a
/// multiple of 8, then every tensor's raw little-endian bytes, back to back.
/// </summary>
public static class SafeTensorsFile
{
    public static SafeTensorsReader Open(string path) => SafeTensorsReader.Open(path);

    /// <summary>Reads every tensor. The caller owns (and disposes) the returned tensors.</summary>
    public static IReadOnlyDictionary<string, Tensor> Load(string path)
    {
        using var reader = Open(path);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var name in reader.Entries.Keys)
            {
                tensors[name] = reader.ReadTensor(name);
            }
        }
        catch
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }

            throw;
        }

        return tensors;
    }

    /// <summary>
    /// Writes the tensors (copied to CPU, contiguous) to a temporary file beside <paramref name="path"/> and renames it
    /// over the target, so a reader never sees half a file.
    /// </summary>
    /// <remarks>
    /// Order: larger element types first, then by name, as the reference implementation does so each tensor starts
    /// aligned to its element size; with one dtype this is plain name order.
    /// </remarks>
    public static void Save(string path, IEnumerable<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var items = tensors.ToList();
        var duplicate = items.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Tensor name '{duplicate.Key}' appears twice.", nameof(tensors));
        }

        if (items.Any(t => t.Name == "__metadata__"))
        {
            throw new ArgumentException("'__metadata__' is reserved by the format and cannot name a tensor.", nameof(tensors));
        }

        var ordered = items
            .Select(t => (t.Name, t.Tensor, DType: SafeTensorsDType.Of(t.Tensor.dtype)))
            .OrderByDescending(t => t.DType.Size)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var header = Header(ordered.Select(t => (t.Name, t.DType.Name, t.Tensor.shape, t.Tensor.NumberOfElements * t.DType.Size)), metadata);

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                Span<byte> prefix = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
                stream.Write(prefix);
                stream.Write(header);
                foreach (var (_, tensor, _) in ordered)
                {
                    WriteData(stream, tensor);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static void WriteData(Stream stream, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var data = tensor.detach().cpu().contiguous();
        if (data.NumberOfElements > 0)
        {
            stream.Write(data.bytes);
        }
    }

    private static byte[] Header(IEnumerable<(string Name, string DType, long[] Shape, long Bytes)> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            var offset = 0L;
            foreach (var (name, dtype, shape, bytes) in tensors)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype);
                json.WriteStartArray("shape");
                foreach (var dim in shape)
                {
                    json.WriteNumberValue(dim);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes;
            }

            json.WriteEndObject();
        }

        // Padding with spaces (valid JSON whitespace) keeps the data section 8-byte aligned, as HF's writer does.
        var padding = (int)((8 - buffer.Length % 8) % 8);
        buffer.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));
        return buffer.ToArray();
    }
}
