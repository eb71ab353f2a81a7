using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ExperimentKit.Data;

/// <summary>
/// The tokenization cache's file format: a magic and version, the example count, then per example its length,
/// its label count and float32 labels, int32 ids, one byte per token type, its source index, its choice count and
/// lengths, and its offset count and offsets; a SHA-256 of all that closes the file, so a truncated or damaged file
/// is detected rather than read as wrong data.
/// </summary>
internal static class EncodedExamplesFile
{
    private const int ChecksumLength = SHA256.HashSizeInBytes;

    // "EKTOK" and the format version: a file of another version reads as invalid and is rebuilt.
    private static ReadOnlySpan<byte> Magic => "EKTOK\0\0\u0003"u8;

    public static byte[] ToBytes(IReadOnlyList<EncodedExample> examples)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(examples.Count);
            foreach (EncodedExample example in examples)
            {
                writer.Write(example.Length);
                writer.Write(example.Labels.Length);
                foreach (float label in example.Labels)
                {
                    writer.Write(label);
                }

                foreach (int id in example.InputIds)
                {
                    writer.Write(id);
                }

                foreach (int type in example.TokenTypeIds)
                {
                    writer.Write(checked((byte)type));
                }

                writer.Write(example.SourceIndex);
                WriteInts(writer, example.ChoiceLengths);
                WriteInts(writer, example.Offsets);
            }
        }

        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>A count and the values; -1 for null.</summary>
    private static void WriteInts(BinaryWriter writer, int[]? values)
    {
        writer.Write(values?.Length ?? -1);
        foreach (int value in values ?? [])
        {
            writer.Write(value);
        }
    }

    /// <exception cref="InvalidDataException">Not a whole file of this format; the message says what is wrong.</exception>
    public static EncodedExample[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length + sizeof(int) + ChecksumLength || !bytes.StartsWith(Magic))
        {
            throw new InvalidDataException("not a tokenization cache file of this version");
        }

        ReadOnlySpan<byte> payload = bytes[..^ChecksumLength];
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes[^ChecksumLength..]))
        {
            throw new InvalidDataException("checksum mismatch (truncated or damaged)");
        }

        var reader = new SpanReader(payload[Magic.Length..]);
        var examples = new EncodedExample[reader.Count(minimumBytesEach: 2 * sizeof(int))];
        for (int i = 0; i < examples.Length; i++)
        {
            int length = reader.Count(minimumBytesEach: sizeof(int) + 1);
            var labels = new float[reader.Count(minimumBytesEach: sizeof(float))];
            for (int l = 0; l < labels.Length; l++)
            {
                labels[l] = reader.Single();
            }

            var ids = new int[length];
            for (int t = 0; t < length; t++)
            {
                ids[t] = reader.Int32();
            }

            var types = new int[length];
            for (int t = 0; t < length; t++)
            {
                types[t] = reader.Byte();
            }

            examples[i] = new EncodedExample(ids, types, labels)
            {
                SourceIndex = reader.Int32(),
                ChoiceLengths = reader.OptionalInts(),
                Offsets = reader.OptionalInts(),
            };
        }

        return reader.AtEnd ? examples : throw new InvalidDataException("bytes after the last example");
    }

    /// <summary>Little-endian reads that fail with <see cref="InvalidDataException"/> instead of running off the end.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(sizeof(float)));

        public byte Byte() => Take(1)[0];

        /// <summary>What <see cref="WriteInts"/> wrote.</summary>
        public int[]? OptionalInts()
        {
            int count = Int32();
            if (count == -1)
            {
                return null;
            }

            var values = new int[Checked(count, minimumBytesEach: sizeof(int))];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Int32();
            }

            return values;
        }

        /// <summary>A count of items that take at least <paramref name="minimumBytesEach"/> bytes, checked against what is left.</summary>
        public int Count(int minimumBytesEach) => Checked(Int32(), minimumBytesEach);

        private readonly int Checked(int count, int minimumBytesEach)
        {
            return count >= 0 && count <= _rest.Length / minimumBytesEach
                ? count
                : throw new InvalidDataException($"count {count} does not fit in the {_rest.Length} bytes left");
        }

        private ReadOnlySpan<byte> Take(int length)
        {
            if (_rest.Length < length)
            {
                throw new InvalidDataException("ends early");
            }

            ReadOnlySpan<byte> taken = _rest[..length];
            _rest = _rest[length..];
            return taken;
        }
    }
}
