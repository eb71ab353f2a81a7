using System.Text;
using System.Text.Json;

namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// A SQuAD file walked token by token with <see cref="Utf8JsonReader"/>, so that a missing or mistyped field is
/// reported at its line and column (a parsed JsonDocument keeps no positions). Keys may come in any order (SQuAD
/// writes a question's answers before its id); keys it does not know are skipped, as the squad loader ignores them.
/// </summary>
internal sealed class SquadJsonParser
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly string _path;
    private readonly ReadOnlyMemory<byte> _json;
    private readonly List<SquadExample> _examples = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public SquadJsonParser(string path, byte[] bytes)
    {
        _path = path;
        _json = bytes.AsMemory(bytes.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0);
    }

    private delegate void ElementReader(ref Utf8JsonReader reader, string jsonPath);

    /// <exception cref="DataFormatException">See <see cref="SquadReader.Read"/>.</exception>
    public List<SquadExample> Parse()
    {
        var reader = new Utf8JsonReader(_json.Span);
        try
        {
            reader.Read();
            ReadRoot(ref reader);

            // Past the root value only whitespace may follow: anything else throws.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
        catch (InvalidOperationException e)
        {
            // What GetString throws for bytes that are not UTF-8.
            throw Error(reader.TokenStartIndex, $"malformed text: {e.Message}");
        }

        return _examples;
    }

    private void ReadRoot(ref Utf8JsonReader reader)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, "$", "an object with a 'data' list of articles");
        bool hasData = false;
        while (NextProperty(ref reader, out string name))
        {
            if (name == "data")
            {
                hasData = true;
                ReadArray(ref reader, "data", "a list of articles", ReadArticle);
            }
            else
            {
                reader.Skip();
            }
        }

        if (!hasData)
        {
            throw Error(start, "missing 'data' (expected a list of articles {title, paragraphs}).");
        }
    }

    private void ReadArticle(ref Utf8JsonReader reader, string at)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, at, "an article {title, paragraphs}");
        string title = "";
        List<SquadExample>? examples = null;
        while (NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "title":
                    title = ReadString(ref reader, $"{at}.title");
                    break;
                case "paragraphs":
                    var read = new List<SquadExample>();
                    examples = read;
                    ReadArray(ref reader, $"{at}.paragraphs", "a list of paragraphs", (ref Utf8JsonReader r, string p) => ReadParagraph(ref r, p, read));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (examples is null)
        {
            throw Error(start, $"{at}: missing 'paragraphs' (expected a list of paragraphs {{context, qas}}).");
        }

        // The title may come after the paragraphs.
        _examples.AddRange(title.Length == 0 ? examples : examples.Select(e => e with { Title = title }));
    }

    private void ReadParagraph(ref Utf8JsonReader reader, string at, List<SquadExample> examples)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, at, "a paragraph {context, qas}");
        string? context = null;
        List<PendingQuestion>? questions = null;
        while (NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "context":
                    context = ReadString(ref reader, $"{at}.context");
                    break;
                case "qas":
                    var read = new List<PendingQuestion>();
                    questions = read;
                    ReadArray(ref reader, $"{at}.qas", "a list of questions", (ref Utf8JsonReader r, string p) => read.Add(ReadQuestion(ref r, p)));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (context is null)
        {
            throw Error(start, $"{at}: missing 'context' (expected a string).");
        }

        if (questions is null)
        {
            throw Error(start, $"{at}: missing 'qas' (expected a list of questions {{id, question, answers}}).");
        }

        // The answers are checked here because the context may come after the questions.
        examples.AddRange(questions.Select(question => Resolve(question, context)));
    }

    private PendingQuestion ReadQuestion(ref Utf8JsonReader reader, string at)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, at, "a question {id, question, answers}");
        string? id = null;
        string? question = null;
        List<PendingAnswer>? answers = null;
        while (NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "id":
                    id = ReadString(ref reader, $"{at}.id");
                    break;
                case "question":
                    question = ReadString(ref reader, $"{at}.question");
                    break;
                case "answers":
                    var read = new List<PendingAnswer>();
                    answers = read;
                    ReadArray(ref reader, $"{at}.answers", "a list of answers {text, answer_start}", (ref Utf8JsonReader r, string p) => read.Add(ReadAnswer(ref r, p)));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (id is null)
        {
            throw Error(start, $"{at}: missing 'id' (expected a string).");
        }

        string who = $"question {id} ({at})";
        if (question is null)
        {
            throw Error(start, $"{who}: missing 'question' (expected a string).");
        }

        if (answers is null)
        {
            throw Error(start, $"{who}: missing 'answers' (expected a list of answers {{text, answer_start}}).");
        }

        // Answers come before the id in SQuAD's own files, so their missing fields are named here, with the id.
        foreach (var answer in answers)
        {
            if (answer.Text is null || answer.AnswerStart is null)
            {
                string field = answer.Text is null ? "text" : "answer_start";
                string expected = answer.Text is null ? "a string" : "a non-negative integer";
                throw Error(answer.Position, $"question {id} ({answer.JsonPath}): missing '{field}' (expected {expected}).");
            }
        }

        // Predictions are keyed by id: a second question with the same id would silently take the first one's place.
        return _ids.Add(id)
            ? new PendingQuestion(id, question, answers)
            : throw Error(start, $"{who}: the id is already used by an earlier question.");
    }

    private PendingAnswer ReadAnswer(ref Utf8JsonReader reader, string at)
    {
        long start = reader.TokenStartIndex;
        Expect(ref reader, JsonTokenType.StartObject, at, "an answer {text, answer_start}");
        string? text = null;
        int? answerStart = null;
        while (NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "text":
                    text = ReadString(ref reader, $"{at}.text");
                    break;
                case "answer_start":
                    answerStart = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value) && value >= 0
                        ? value
                        : throw Error(reader.TokenStartIndex, $"{at}.answer_start: expected a non-negative integer, found {Describe(ref reader)}.");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PendingAnswer(text, answerStart, start, at);
    }

    /// <summary>
    /// The question as a row, each answer checked against the context: Hugging Face does not check, but a span that
    /// is not where answer_start says would train on the wrong tokens without a word. The official dev files have none.
    /// </summary>
    private SquadExample Resolve(PendingQuestion question, string context)
    {
        var answers = new SquadAnswer[question.Answers.Count];
        for (int i = 0; i < answers.Length; i++)
        {
            PendingAnswer answer = question.Answers[i];
            string text = answer.Text!;
            int codePoints = answer.AnswerStart!.Value;
            int start = Utf16Index(context, codePoints);
            string who = $"question {question.Id} ({answer.JsonPath})";
            if (text.Length == 0)
            {
                throw Error(answer.Position, $"{who}: the answer text is empty (expected a span of the context).");
            }

            if (start < 0 || start + text.Length > context.Length)
            {
                throw Error(answer.Position, $"{who}: the answer '{text}' at answer_start {codePoints} runs past the end of the context.");
            }

            if (!context.AsSpan(start, text.Length).SequenceEqual(text))
            {
                throw Error(answer.Position, $"{who}: the context has '{context.Substring(start, text.Length)}' at answer_start {codePoints}, not the answer text '{text}'.");
            }

            answers[i] = new SquadAnswer(text, start);
        }

        return new SquadExample(question.Id, "", context, question.Question, answers);
    }

    /// <summary>The UTF-16 index of the code point at <paramref name="codePoints"/>, or -1 past the end.</summary>
    private static int Utf16Index(string text, int codePoints)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return codePoints <= text.Length ? codePoints : -1;
        }

        int index = 0;
        for (int i = 0; i < codePoints; i++)
        {
            if (index >= text.Length)
            {
                return -1;
            }

            // A lone surrogate is one code point to Python, as it is here.
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        }

        return index;
    }

    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>Reads each element of the list the reader is on; each element reader stops on its element's last token.</summary>
    private void ReadArray(ref Utf8JsonReader reader, string at, string expected, ElementReader readElement)
    {
        Expect(ref reader, JsonTokenType.StartArray, at, expected);
        for (int i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            readElement(ref reader, $"{at}[{i}]");
        }
    }

    private string ReadString(ref Utf8JsonReader reader, string at)
    {
        Expect(ref reader, JsonTokenType.String, at, "a string");
        return reader.GetString()!;
    }

    private void Expect(ref Utf8JsonReader reader, JsonTokenType type, string at, string expected)
    {
        if (reader.TokenType != type)
        {
            throw Error(reader.TokenStartIndex, $"{at}: expected {expected}, found {Describe(ref reader)}.");
        }
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>An error at a byte offset of the file, as its 1-based line and character column.</summary>
    private DataFormatException Error(long offset, string problem)
    {
        ReadOnlySpan<byte> before = _json.Span[..(int)offset];
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new DataFormatException(_path, before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1, problem);
    }

    private DataFormatException Malformed(JsonException e)
    {
        // LineNumber and BytePositionInLine are zero-based; a line ends at '\n', as Error counts them.
        ReadOnlySpan<byte> json = _json.Span;
        int lineStart = 0;
        for (long line = 0; line < (e.LineNumber ?? 0); line++)
        {
            int end = json[lineStart..].IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            lineStart += end + 1;
        }

        return Error(Math.Min(lineStart + (e.BytePositionInLine ?? 0), json.Length), $"malformed JSON: {e.Message}");
    }

    private sealed record PendingQuestion(string Id, string Question, List<PendingAnswer> Answers);

    /// <summary>An answer as read; its fields are checked once the question's id is known.</summary>
    private sealed record PendingAnswer(string? Text, int? AnswerStart, long Position, string JsonPath);
}
