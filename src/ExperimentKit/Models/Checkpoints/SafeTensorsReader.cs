using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// A safetensors file opened for reading: the header is parsed and checked up front, tensors are read on demand.
/// Anything malformed is an <see cref="InvalidDataException"/> naming the file, before any large allocation.
/// </summary>
public sealed class SafeTensorsReader : IDisposable
{
    /// <summary>The reference implementation's limit; a larger header is a corrupt length field, not a real file.</summary>
    private const long MaxHeaderBytes = 100_000_000;

    private readonly FileStream stream;
    private readonly long dataStart;

    private SafeTensorsReader(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
        var headerLength = ReadHeaderLength();
        dataStart = 8 + headerLength;
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        (Entries, Metadata) = ParseHeader(header);
        CheckLayout(stream.Length - dataStart);
    }

    public string Path { get; }

    /// <summary>Tensor entries by name (ordinal order); <c>__metadata__</c> is not among them.</summary>
    public ImmutableSortedDictionary<string, SafeTensorEntry> Entries { get; }

    /// <summary>The <c>__metadata__</c> string map; empty when the file has none.</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; }

    public static SafeTensorsReader Open(string path)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors data is little-endian; big-endian hosts are not supported.");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return new SafeTensorsReader(path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads one tensor into a new CPU tensor of the file's dtype and shape.</summary>
    public Tensor ReadTensor(string name)
    {
        if (!Entries.TryGetValue(name, out var entry))
        {
            throw new KeyNotFoundException($"{Path}: no tensor named '{name}'.");
        }

        if (entry.ByteLength > int.MaxValue)
        {
            throw new NotSupportedException($"{Path}: tensor '{name}' has {entry.ByteLength} bytes; more than 2 GiB per tensor is not supported.");
        }

        SafeTensorsDType.TryParse(entry.DType, out var type, out _);
        var tensor = empty([.. entry.Shape], dtype: type);
        try
        {
            if (entry.ByteLength > 0)
            {
                stream.Position = dataStart + entry.Begin;
                stream.ReadExactly(tensor.bytes);
            }
        }
        catch (EndOfStreamException e)
        {
            tensor.Dispose();
            throw Invalid($"the file ended inside tensor '{name}' (was it truncated after opening?)", e);
        }

        return tensor;
    }

    public void Dispose() => stream.Dispose();

    private long ReadHeaderLength()
    {
        if (stream.Length < 8)
        {
            throw Invalid($"{stream.Length} bytes is too short for the 8-byte header length");
        }

        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        var length = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (length > MaxHeaderBytes || length > (ulong)(stream.Length - 8))
        {
            throw Invalid($"the header length {length} is larger than the file ({stream.Length} bytes) allows");
        }

        return (long)length;
    }

    private (ImmutableSortedDictionary<string, SafeTensorEntry>, ImmutableSortedDictionary<string, string>) ParseHeader(byte[] header)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw Invalid($"the header is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("the header must be a JSON object");
            }

            var entries = ImmutableSortedDictionary.CreateBuilder<string, SafeTensorEntry>(StringComparer.Ordinal);
            var metadata = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (entries.ContainsKey(property.Name))
                {
                    throw Invalid($"the header names tensor '{property.Name}' twice");
                }

                if (property.Name == "__metadata__")
                {
                    metadata = ParseMetadata(property.Value);
                }
                else
                {
                    entries[property.Name] = ParseEntry(property.Name, property.Value);
                }
            }

            return (entries.ToImmutable(), metadata);
        }
    }

    private ImmutableSortedDictionary<string, string> ParseMetadata(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object ||
            value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            throw Invalid("__metadata__ must map strings to strings");
        }

        return value.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private SafeTensorEntry ParseEntry(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object ||
            !value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String ||
            !value.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array ||
            !value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"tensor '{name}' needs \"dtype\" (string), \"shape\" (array) and \"data_offsets\" (array)");
        }

        var dtypeName = dtype.GetString()!;
        if (!SafeTensorsDType.TryParse(dtypeName, out _, out var elementSize))
        {
            throw Invalid($"tensor '{name}' has dtype '{dtypeName}', which is unknown or not supported");
        }

        var dims = NonNegativeIntegers(shape, name, "shape");
        var range = NonNegativeIntegers(offsets, name, "data_offsets");
        if (range.Length != 2 || range[0] > range[1])
        {
            throw Invalid($"tensor '{name}' has data_offsets [{string.Join(", ", range)}]; expected [begin, end] with begin <= end");
        }

        long expected;
        try
        {
            expected = checked(dims.Aggregate(1L, (product, d) => product * d) * elementSize);
        }
        catch (OverflowException)
        {
            throw Invalid($"tensor '{name}' has shape [{string.Join(", ", dims)}], too large to address");
        }

        if (expected != range[1] - range[0])
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture,
                $"tensor '{name}' ({dtypeName} [{string.Join(", ", dims)}]) needs {expected} bytes but data_offsets span {range[1] - range[0]}"));
        }

        return new SafeTensorEntry(name, dtypeName, dims, range[0], range[1]);
    }

    private ImmutableArray<long> NonNegativeIntegers(JsonElement array, string name, string key)
    {
        var builder = ImmutableArray.CreateBuilder<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var n) || n < 0)
            {
                throw Invalid($"tensor '{name}' has a {key} entry that is not a non-negative integer");
            }

            builder.Add(n);
        }

        return builder.ToImmutable();
    }

    /// <summary>As the reference implementation: tensors tile the data section exactly, no gap, no overlap.</summary>
    private void CheckLayout(long dataLength)
    {
        var position = 0L;
        foreach (var entry in Entries.Values.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (entry.End > dataLength)
            {
                throw Invalid($"tensor '{entry.Name}' ends at data byte {entry.End} but the file has {dataLength} data bytes (truncated?)");
            }

            if (entry.Begin != position)
            {
                var problem = entry.Begin < position ? "overlaps the tensor before it" : "leaves a gap before it";
                throw Invalid($"tensor '{entry.Name}' begins at byte {entry.Begin} and {problem} (expected {position})");
            }

            position = entry.End;
        }

        if (position != dataLength)
        {
            throw Invalid(position > dataLength
                ? $"the tensors need {position} data bytes but the file has {dataLength} (truncated?)"
                : $"the file has {dataLength} data bytes but the tensors cover only {position}");
        }
    }

    private InvalidDataException Invalid(string problem, Exception? inner = null) =>
        new($"{Path}: not a valid safetensors file: {problem}.", inner);
}
