using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The safetensors dtype names LibTorch has a type for, with their element sizes.</summary>
internal static class SafeTensorsDType
{
    private static readonly Dictionary<string, (ScalarType Type, int Size)> ByName = new(StringComparer.Ordinal)
    {
        ["F64"] = (ScalarType.Float64, 8),
        ["F32"] = (ScalarType.Float32, 4),
        ["F16"] = (ScalarType.Float16, 2),
        ["BF16"] = (ScalarType.BFloat16, 2),
        ["I64"] = (ScalarType.Int64, 8),
        ["I32"] = (ScalarType.Int32, 4),
        ["I16"] = (ScalarType.Int16, 2),
        ["I8"] = (ScalarType.Int8, 1),
        ["U8"] = (ScalarType.Byte, 1),
        ["BOOL"] = (ScalarType.Bool, 1),
    };

    public static bool TryParse(string name, out ScalarType type, out int size)
    {
        var found = ByName.TryGetValue(name, out var entry);
        (type, size) = entry;
        return found;
    }

    public static (string Name, int Size) Of(ScalarType type)
    {
        foreach (var (name, entry) in ByName)
        {
            if (entry.Type == type)
            {
                return (name, entry.Size);
            }
        }

        throw new ArgumentException($"Tensors of type {type} cannot be written to safetensors here.", nameof(type));
    }
}
