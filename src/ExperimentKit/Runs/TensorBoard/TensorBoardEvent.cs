using Google.Protobuf;

namespace ExperimentKit.Runs;

/// <summary>
/// TensorBoard's <c>Event</c> protobuf (tensorflow/core/util/event.proto), written field by field: wall_time = 1
/// (double), step = 2 (int64), and one of file_version = 3 (string) or summary = 5 (Summary: repeated Value value = 1;
/// Value: tag = 1 string, simple_value = 2 float, summary.proto). Only what scalars need, so no generated code.
/// </summary>
public static class TensorBoardEvent
{
    /// <summary>What TensorBoard expects first in every events file.</summary>
    public const string FileVersion = "brain.Event:2";

    public static byte[] Version(double wallTime) => Event(wallTime, 0, output =>
    {
        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteString(FileVersion);
    });

    /// <summary>One scalar, as torch's SummaryWriter.add_scalar writes it: a summary of one simple value.</summary>
    public static byte[] Scalar(double wallTime, long step, string tag, float value)
    {
        var summaryValue = Message(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(tag);
            output.WriteTag(2, WireFormat.WireType.Fixed32);
            output.WriteFloat(value);
        });
        var summary = Message(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(summaryValue));
        });
        return Event(wallTime, step, output =>
        {
            output.WriteTag(5, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(summary));
        });
    }

    private static byte[] Event(double wallTime, long step, Action<CodedOutputStream> what) => Message(output =>
    {
        output.WriteTag(1, WireFormat.WireType.Fixed64);
        output.WriteDouble(wallTime);
        // proto3 leaves a field at its default out.
        if (step != 0)
        {
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt64(step);
        }

        what(output);
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }
}
