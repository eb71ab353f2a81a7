using System.Buffers.Binary;
using ExperimentKit.IO;

namespace ExperimentKit.Runs;

/// <summary>
/// A TFRecord file, appended one record at a time: u64 little-endian length, masked CRC-32C of those 8 bytes, the
/// data, masked CRC-32C of the data. Each record is appended and flushed on its own rather than written through a
/// temporary file: readers of the format stop at a torn last record, so a crash leaves every earlier record readable.
/// </summary>
public sealed class TfRecordFile(string path)
{
    public string Path { get; } = path;

    public void Append(ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(data));

        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(header);
        stream.Write(data);
        stream.Write(footer);
        stream.Flush();
    }
}
