namespace ExperimentKit.Models.Onnx;

/// <summary>
/// Reads the nodes and float32 initializers of an ONNX ModelProto (onnx.proto field numbers:
/// ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto input = 1, output = 2, op_type = 4;
/// TensorProto dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9).
/// </summary>
public static class OnnxGraphReader
{
    private const int Float32 = 1;

    public static OnnxGraph Read(ReadOnlySpan<byte> model)
    {
        var reader = new ProtobufReader(model);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            if (field == 7 && wire == 2)
            {
                return ReadGraph(reader.ReadLengthDelimited());
            }

            reader.Skip(wire);
        }

        throw new InvalidDataException("The ONNX model has no graph.");
    }

    private static OnnxGraph ReadGraph(ReadOnlySpan<byte> graph)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxInitializer>();
        var reader = new ProtobufReader(graph);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    nodes.Add(ReadNode(reader.ReadLengthDelimited()));
                    break;
                case 5 when wire == 2:
                    if (ReadTensor(reader.ReadLengthDelimited()) is { } tensor)
                    {
                        initializers.Add(tensor);
                    }

                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new OnnxGraph(nodes, initializers);
    }

    private static OnnxNode ReadNode(ReadOnlySpan<byte> node)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var opType = "";
        var reader = new ProtobufReader(node);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 2:
                    inputs.Add(reader.ReadString());
                    break;
                case 2 when wire == 2:
                    outputs.Add(reader.ReadString());
                    break;
                case 4 when wire == 2:
                    opType = reader.ReadString();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new OnnxNode(opType, inputs, outputs);
    }

    /// <summary>A float32 initializer, or null for other data types (int64 shape constants and the like).</summary>
    private static OnnxInitializer? ReadTensor(ReadOnlySpan<byte> tensor)
    {
        var dims = new List<long>();
        var dataType = 0;
        var name = "";
        var raw = ReadOnlySpan<byte>.Empty;
        var floats = new List<float>();
        var reader = new ProtobufReader(tensor);
        while (!reader.AtEnd)
        {
            var (field, wire) = reader.ReadTag();
            switch (field)
            {
                case 1 when wire == 0:
                    dims.Add((long)reader.ReadVarint());
                    break;
                case 1 when wire == 2:
                    var packedDims = new ProtobufReader(reader.ReadLengthDelimited());
                    while (!packedDims.AtEnd)
                    {
                        dims.Add((long)packedDims.ReadVarint());
                    }

                    break;
                case 2 when wire == 0:
                    dataType = (int)reader.ReadVarint();
                    break;
                case 4 when wire == 2:
                    floats.AddRange(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(reader.ReadLengthDelimited()).ToArray());
                    break;
                case 8 when wire == 2:
                    name = reader.ReadString();
                    break;
                case 9 when wire == 2:
                    raw = reader.ReadLengthDelimited();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        if (dataType != Float32)
        {
            return null;
        }

        var values = raw.IsEmpty ? floats.ToArray() : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(raw).ToArray();
        var expected = dims.Aggregate(1L, (a, b) => a * b);
        if (values.Length != expected)
        {
            throw new InvalidDataException($"ONNX initializer '{name}' has {values.Length} values for shape [{string.Join(", ", dims)}].");
        }

        return new OnnxInitializer(name, dims.ToArray(), values);
    }
}
