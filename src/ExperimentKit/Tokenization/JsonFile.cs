using System.Text.Json;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Reading a tokenizer's JSON file with errors that name the file, and the line (bad syntax) or the JSON path
/// (a value of the wrong kind), so a broken download or hand edit can be found at once.
/// </summary>
internal sealed class JsonFile : IDisposable
{
    private readonly JsonDocument _document;

    private JsonFile(string path, JsonDocument document)
    {
        Path = path;
        _document = document;
    }

    public string Path { get; }

    public JsonElement Root => _document.RootElement;

    /// <exception cref="InvalidDataException">Not JSON, or not a JSON object.</exception>
    public static JsonFile Open(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are zero-based.
            throw new InvalidDataException(
                $"{path}, line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: malformed JSON: {e.Message}", e);
        }

        var file = new JsonFile(path, document);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            file.Dispose();
            throw new InvalidDataException($"{path}: $: expected a JSON object, found {document.RootElement.ValueKind}.");
        }

        return file;
    }

    /// <summary>The property, or null when it is absent or JSON null.</summary>
    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public JsonElement Required(JsonElement parent, string parentPath, string name, JsonValueKind kind) =>
        Optional(parent, name) is { } value
            ? Expect(value, $"{parentPath}.{name}", kind)
            : throw Error($"{parentPath}.{name}", "required but missing.");

    public JsonElement Expect(JsonElement value, string jsonPath, JsonValueKind kind) =>
        value.ValueKind == kind ? value : throw Error(jsonPath, $"expected {kind}, found {value.ValueKind}.");

    public bool? OptionalBool(JsonElement parent, string parentPath, string name) =>
        Optional(parent, name) is not { } value ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Error($"{parentPath}.{name}", $"expected true or false, found {value.ValueKind}.");

    public string? OptionalString(JsonElement parent, string parentPath, string name) =>
        Optional(parent, name) is { } value ? Expect(value, $"{parentPath}.{name}", JsonValueKind.String).GetString() : null;

    /// <summary>A non-negative integer; larger than int.MaxValue (HF writes 1e30 for "no limit") reads as int.MaxValue.</summary>
    public int? OptionalCount(JsonElement parent, string parentPath, string name)
    {
        if (Optional(parent, name) is not { } value)
        {
            return null;
        }

        string jsonPath = $"{parentPath}.{name}";
        double number = Expect(value, jsonPath, JsonValueKind.Number).GetDouble();
        return number < 0 || number != Math.Floor(number)
            ? throw Error(jsonPath, $"expected a non-negative integer, found {value.GetRawText()}.")
            : number >= int.MaxValue ? int.MaxValue : (int)number;
    }

    public InvalidDataException Error(string jsonPath, string message) => new($"{Path}: {jsonPath}: {message}");

    public void Dispose() => _document.Dispose();
}
