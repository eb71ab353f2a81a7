namespace ExperimentKit.Models.Onnx;

/// <summary>
/// The protobuf wire format, just enough to walk an ONNX file: varints, fixed-width values and
/// length-delimited fields. Reads over a memory block without copying; every length is bounds-checked,
/// so a corrupt file is an <see cref="InvalidDataException"/>, never an out-of-range read.
/// </summary>
public ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> buffer = buffer;
    private int position;

    public readonly bool AtEnd => position >= buffer.Length;

    /// <summary>The next field's number and wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= buffer.Length)
            {
                throw new InvalidDataException("Truncated varint in protobuf data.");
            }

            var b = buffer[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Varint longer than 10 bytes in protobuf data.");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(buffer.Length - position))
        {
            throw new InvalidDataException($"A field of {length} bytes runs past the end of the protobuf data ({buffer.Length - position} left).");
        }

        var slice = buffer.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadLengthDelimited());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                ReadLengthDelimited();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {wireType}.");
        }
    }

    private void Advance(int count)
    {
        if (count > buffer.Length - position)
        {
            throw new InvalidDataException("Truncated fixed-width field in protobuf data.");
        }

        position += count;
    }
}
