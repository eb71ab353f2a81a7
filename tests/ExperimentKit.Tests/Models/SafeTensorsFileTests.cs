using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using ExperimentKit.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

[Collection(TorchCollection.Name)]
public sealed class SafeTensorsFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ek-safetensors-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Every_supported_dtype_round_trips_bit_exactly()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(directory, "all.safetensors");
        var tensors = new (string, Tensor)[]
        {
            ("f32", randn(3, 5)),
            ("f64", randn(2, 2, dtype: ScalarType.Float64)),
            ("f16", randn(7, dtype: ScalarType.Float16)),
            ("bf16", randn(2, 3, dtype: ScalarType.BFloat16)),
            ("i64", tensor(new long[] { long.MinValue, -1, 0, long.MaxValue })),
            ("i32", tensor(new[] { int.MinValue, 5 })),
            ("u8", tensor(new byte[] { 0, 200, 255 })),
            ("bool", tensor(new[] { true, false, true })),
            ("scalar", tensor(3.5f)),
            ("empty", zeros(0, 4)),
        };

        SafeTensorsFile.Save(path, tensors);
        var loaded = SafeTensorsFile.Load(path);

        Assert.Equal(tensors.Select(t => t.Item1).Order(StringComparer.Ordinal), loaded.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, original) in tensors)
        {
            Assert.True(TinyBert.SameBits(original, loaded[name]), name);
            loaded[name].Dispose();
        }
    }

    [Fact]
    public void The_layout_is_the_safetensors_format()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(directory, "layout.safetensors");
        SafeTensorsFile.Save(path,
            [("b.weight", ones(2, 3)), ("a.bias", zeros(3)), ("steps", tensor(new long[] { 7 }))],
            new Dictionary<string, string> { ["format"] = "pt" });

        var bytes = File.ReadAllBytes(path);
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        var headerText = Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        using var header = JsonDocument.Parse(headerText);
        Assert.Equal("pt", header.RootElement.GetProperty("__metadata__").GetProperty("format").GetString());

        var entries = header.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
        // I64 (8-byte elements) first, then F32 by name: the reference writer's alignment order.
        Assert.Equal(["steps", "a.bias", "b.weight"], entries.Select(e => e.Name));
        var expected = 0L;
        foreach (var entry in entries)
        {
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64()).ToArray();
            Assert.Equal(expected, offsets[0]);
            expected = offsets[1];
        }

        Assert.Equal(bytes.Length - 8 - headerLength, expected);
        Assert.Equal("F32", entries[2].Value.GetProperty("dtype").GetString());
        Assert.Equal([2, 3], entries[2].Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(1f, BitConverter.ToSingle(bytes, (int)(8 + headerLength + 8 + 12)));
    }

    [Fact]
    public void Saving_replaces_the_target_and_leaves_no_temporary_file()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(directory, "model.safetensors");
        File.WriteAllText(path, "old");

        SafeTensorsFile.Save(path, [("x", ones(2))]);

        Assert.Equal(["model.safetensors"], Directory.GetFiles(directory).Select(Path.GetFileName));
        using var reader = SafeTensorsFile.Open(path);
        Assert.Equal(["x"], reader.Entries.Keys);
    }

    public static TheoryData<string, string> CorruptFiles() => new()
    {
        { "truncated-length", "too short" },
        { "huge-header-length", "header length" },
        { "bad-json", "not valid JSON" },
        { "unknown-dtype", "dtype 'Q7'" },
        { "offsets-out-of-range", "truncated?" },
        { "overlapping", "overlaps" },
        { "shape-mismatch", "needs 12 bytes but data_offsets span 8" },
        { "truncated-data", "truncated?" },
        { "negative-shape", "non-negative" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void A_corrupt_file_is_an_invalid_data_exception_naming_the_file(string kind, string problem)
    {
        var path = Path.Combine(directory, kind + ".safetensors");
        File.WriteAllBytes(path, Corrupt(kind));

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Corrupt(string kind)
    {
        const string Good = """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""";
        return kind switch
        {
            "truncated-length" => [1, 2, 3],
            "huge-header-length" => [.. BitConverter.GetBytes(ulong.MaxValue - 5), .. "{}"u8],
            "bad-json" => Bytes("{\"a\": {", 0),
            "unknown-dtype" => Bytes(Good.Replace("F32", "Q7", StringComparison.Ordinal), 8),
            "offsets-out-of-range" => Bytes("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[1000000,1000008]}}""", 8),
            "overlapping" => Bytes("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12),
            "shape-mismatch" => Bytes(Good.Replace("[2]", "[3]", StringComparison.Ordinal), 8),
            "truncated-data" => Bytes(Good, 5),
            "negative-shape" => Bytes(Good.Replace("[2]", "[-2]", StringComparison.Ordinal), 8),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] Bytes(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        return [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[dataBytes]];
    }
}
