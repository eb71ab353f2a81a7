using System.Text.Json;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Reads the BERT form of a Hugging Face tokenizer.json: a WordPiece model with its vocab map, a BertNormalizer
/// and the BertPreTokenizer. Anything else would tokenize differently from what we implement, so it is refused
/// with the JSON path of the first unsupported value rather than approximated.
/// </summary>
internal static class TokenizerJsonReader
{
    private const int DefaultMaxInputCharsPerWord = 100;

    /// <exception cref="InvalidDataException">Malformed or unsupported; the message names the file and the line or JSON path.</exception>
    /// <param name="modelMaxLength">tokenizer_config.json's model_max_length (tokenizer.json does not hold it).</param>
    public static BertTokenizer Read(string path, int modelMaxLength)
    {
        using JsonFile file = JsonFile.Open(path);
        JsonElement model = file.Required(file.Root, "$", "model", JsonValueKind.Object);
        RequireValue(file, model, "$.model", "type", "WordPiece", required: true);
        RequireValue(file, model, "$.model", "unk_token", WordPieceVocabulary.UnknownToken, required: false);
        RequireValue(file, model, "$.model", "continuing_subword_prefix", WordPieceVocabulary.ContinuationPrefix, required: false);
        int maxInputCharsPerWord = file.OptionalCount(model, "$.model", "max_input_chars_per_word") ?? DefaultMaxInputCharsPerWord;
        string[] tokens = ReadVocabulary(file, file.Required(model, "$.model", "vocab", JsonValueKind.Object));
        JsonElement preTokenizer = file.Required(file.Root, "$", "pre_tokenizer", JsonValueKind.Object);
        RequireValue(file, preTokenizer, "$.pre_tokenizer", "type", "BertPreTokenizer", required: true);
        return new BertTokenizer(
            WordPieceVocabulary.FromTokens(tokens, $"{path}: $.model.vocab"),
            ReadNormalizer(file),
            Math.Max(1, maxInputCharsPerWord))
        {
            ModelMaxLength = modelMaxLength,
        };
    }

    private static BasicTokenizer ReadNormalizer(JsonFile file)
    {
        const string at = "$.normalizer";
        JsonElement normalizer = file.Required(file.Root, "$", "normalizer", JsonValueKind.Object);
        RequireValue(file, normalizer, at, "type", "BertNormalizer", required: true);
        if (file.OptionalBool(normalizer, at, "clean_text") == false)
        {
            throw file.Error($"{at}.clean_text", "false is not supported: the BERT tokenizer always cleans the text.");
        }

        bool lowercase = file.OptionalBool(normalizer, at, "lowercase") ?? true;
        return new BasicTokenizer(
            lowercase,
            file.OptionalBool(normalizer, at, "strip_accents"),
            file.OptionalBool(normalizer, at, "handle_chinese_chars") ?? true);
    }

    /// <summary>The tokens in id order; ids must be 0 to count - 1, each used once.</summary>
    private static string[] ReadVocabulary(JsonFile file, JsonElement vocab)
    {
        int count = vocab.EnumerateObject().Count();
        var tokens = new string?[count];
        foreach (JsonProperty entry in vocab.EnumerateObject())
        {
            string at = $"$.model.vocab[{JsonSerializer.Serialize(entry.Name)}]";
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out int id) || id < 0 || id >= count)
            {
                throw file.Error(at, $"expected a token id from 0 to {count - 1}, found {entry.Value.GetRawText()}.");
            }

            if (tokens[id] is { } other)
            {
                throw file.Error(at, $"id {id} is already the id of {JsonSerializer.Serialize(other)}.");
            }

            tokens[id] = entry.Name;
        }

        return [.. tokens.Select(token => token!)];
    }

    private static void RequireValue(JsonFile file, JsonElement parent, string parentPath, string name, string expected, bool required)
    {
        string? value = file.OptionalString(parent, parentPath, name);
        if (value is null && !required)
        {
            return;
        }

        if (value != expected)
        {
            throw file.Error(
                $"{parentPath}.{name}",
                value is null ? $"required but missing (expected \"{expected}\")." : $"\"{value}\" is not supported; expected \"{expected}\".");
        }
    }
}
