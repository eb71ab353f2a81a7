using System.Text.Json;

namespace ExperimentKit.Data.Records;

/// <summary>
/// Walks a JSON file to the elements of its record array (`[...]`, or the "data" member of a top-level object) and
/// hands them out one at a time, holding in memory only the bytes of the element being parsed. Utf8JsonReader reads
/// from a buffer; an element is parsed once its whole text is in the buffer, which grows for an element larger than it.
/// </summary>
internal sealed class JsonArrayCursor : IDisposable
{
    private readonly string path;
    private readonly FileStream stream;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool endOfFile;
    private JsonReaderState state;
    private Phase phase = Phase.Start;

    public JsonArrayCursor(string path)
    {
        this.path = path;
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        Fill();
        if (buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8))
        {
            start += 3;
        }
    }

    private enum Phase
    {
        Start,
        InDataWrapper,
        InArray,
        Done,
    }

    private enum Step
    {
        NeedMoreBytes,
        Moved,
        Element,
        End,
    }

    /// <summary>How many elements were handed out; the next is record Count + 1.</summary>
    public int Count { get; private set; }

    /// <exception cref="DataFormatException">The JSON is malformed, or is not an array of objects.</exception>
    public bool TryNext(out JsonElement element)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), endOfFile, state);
            Step step;
            try
            {
                step = Advance(ref reader, out element);
            }
            catch (JsonException error)
            {
                var line = error.LineNumber is { } number ? $"line {number + 1}, " : string.Empty;
                throw Fail($"malformed JSON at {line}{JsonErrors.Where(error)} of the line: {JsonErrors.Reason(error)}.");
            }

            if (step == Step.NeedMoreBytes)
            {
                Fill();
                continue;
            }

            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (step != Step.Moved)
            {
                return step == Step.Element;
            }
        }
    }

    public void Dispose() => stream.Dispose();

    /// <summary>One step through the file; nothing is consumed unless it returns something other than NeedMoreBytes.</summary>
    private Step Advance(ref Utf8JsonReader reader, out JsonElement element)
    {
        element = default;
        if (phase == Phase.Done)
        {
            return Step.End;
        }

        if (!reader.Read())
        {
            return Step.NeedMoreBytes;
        }

        switch (phase)
        {
            case Phase.Start when reader.TokenType == JsonTokenType.StartArray:
                phase = Phase.InArray;
                return Step.Moved;
            case Phase.Start when reader.TokenType == JsonTokenType.StartObject:
                phase = Phase.InDataWrapper;
                return Step.Moved;
            case Phase.Start:
                throw Fail($"the file holds {Kind(reader.TokenType)}; expected an array of records ([{{...}}, ...]) or {{\"data\": [...]}}.");
            case Phase.InDataWrapper when reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("data"u8):
                if (!reader.Read())
                {
                    return Step.NeedMoreBytes;
                }

                phase = reader.TokenType == JsonTokenType.StartArray
                    ? Phase.InArray
                    : throw Fail($"the top-level \"data\" member is {Kind(reader.TokenType)}; expected an array of records.");
                return Step.Moved;
            case Phase.InDataWrapper when reader.TokenType == JsonTokenType.PropertyName:
                return reader.TrySkip() ? Step.Moved : Step.NeedMoreBytes;
            case Phase.InDataWrapper:
                throw Fail("the top-level JSON object has no \"data\" array of records. A .json file holds an array of records "
                    + "or {\"data\": [...]}; one object per line (what datasets' to_json writes) is JSON Lines: name the file .jsonl or give the format.");
            case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                // What follows the array (other members of a "data" wrapper) holds no records.
                phase = Phase.Done;
                return Step.End;
            case Phase.InArray when reader.TokenType == JsonTokenType.StartObject:
                var probe = reader;
                if (!probe.TrySkip())
                {
                    return Step.NeedMoreBytes;
                }

                element = JsonElement.ParseValue(ref reader);
                Count++;
                return Step.Element;
            default:
                throw Fail($"the element is {Kind(reader.TokenType)}; every element of the array must be an object (one record).");
        }
    }

    /// <summary>Keeps the unread bytes, growing the buffer when they fill it, and reads more after them.</summary>
    private void Fill()
    {
        if (endOfFile)
        {
            // Utf8JsonReader throws on a truncated final block before this; the guard keeps a surprise from looping.
            throw Fail("the file ends inside its array of records.");
        }

        var unread = end - start;
        if (unread == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        else
        {
            buffer.AsSpan(start, unread).CopyTo(buffer);
        }

        start = 0;
        end = unread;
        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        endOfFile = read == 0;
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private DataFormatException Fail(string problem) => new(path, RecordPosition.Record(Count + 1), null, problem);
}
