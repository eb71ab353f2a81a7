using System.Buffers.Binary;
using ExperimentKit.IO;
using Google.Protobuf;

namespace ExperimentKit.Tests.Runs;

/// <summary>One Event of an events file: the file version, or one scalar.</summary>
internal sealed record TensorBoardRecord(double WallTime, long Step, string? FileVersion, string? Tag, float? Value);

/// <summary>
/// Reads a TFRecord events file back as TensorBoard does, independently of the writer: every length and data CRC is
/// checked, and each Event is decoded field by field (wall_time 1, step 2, file_version 3, summary 5 → value 1 → tag 1,
/// simple_value 2). A torn last record (a crash mid-write) ends the file, as it does for TensorBoard.
/// </summary>
internal static class EventsFileReader
{
    public static IReadOnlyList<TensorBoardRecord> Read(string path, out bool tornTail)
    {
        var bytes = File.ReadAllBytes(path);
        var records = new List<TensorBoardRecord>();
        var at = 0;
        tornTail = false;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < 12)
            {
                tornTail = true;
                break;
            }

            var header = bytes.AsSpan(at, 12);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(header);
            Assert.Equal(Crc32C.Masked(header[..8]), BinaryPrimitives.ReadUInt32LittleEndian(header[8..]));
            if (bytes.Length - at - 12 < length + 4)
            {
                tornTail = true;
                break;
            }

            var data = bytes.AsSpan(at + 12, length);
            Assert.Equal(Crc32C.Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + length, 4)));
            records.AddRange(Decode(data.ToArray()));
            at += 12 + length + 4;
        }

        return records;
    }

    /// <summary>An Event: the version record, or one record per summary value.</summary>
    private static IEnumerable<TensorBoardRecord> Decode(byte[] data)
    {
        var input = new CodedInputStream(data);
        double wallTime = 0;
        long step = 0;
        string? version = null;
        var values = new List<(string Tag, float Value)>();
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    wallTime = input.ReadDouble();
                    break;
                case 2:
                    step = input.ReadInt64();
                    break;
                case 3:
                    version = input.ReadString();
                    break;
                case 5:
                    values.AddRange(Summary(input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return version is not null
            ? [new TensorBoardRecord(wallTime, step, version, null, null)]
            : values.Select(v => new TensorBoardRecord(wallTime, step, null, v.Tag, v.Value));
    }

    private static IEnumerable<(string Tag, float Value)> Summary(ByteString summary)
    {
        var input = summary.CreateCodedInput();
        for (uint tag; (tag = input.ReadTag()) != 0;)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1)
            {
                input.SkipLastField();
                continue;
            }

            var value = input.ReadBytes().CreateCodedInput();
            string? name = null;
            float? simple = null;
            for (uint field; (field = value.ReadTag()) != 0;)
            {
                switch (WireFormat.GetTagFieldNumber(field))
                {
                    case 1:
                        name = value.ReadString();
                        break;
                    case 2:
                        simple = value.ReadFloat();
                        break;
                    default:
                        value.SkipLastField();
                        break;
                }
            }

            yield return (name!, simple!.Value);
        }
    }
}
