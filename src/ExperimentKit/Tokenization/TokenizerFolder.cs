using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.IO;

namespace ExperimentKit.Tokenization;

/// <summary>
/// A tokenizer as the files BertTokenizerFast.save_pretrained leaves in a model folder, so that
/// AutoTokenizer.from_pretrained loads the folder (tokenizer.json, with tokenizer_config.json naming the class) and so
/// does the slow BertTokenizer (vocab.txt): vocab.txt, tokenizer_config.json, special_tokens_map.json, tokenizer.json.
/// </summary>
public static class TokenizerFolder
{
    public const string SpecialTokensMapFileName = "special_tokens_map.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    public static IReadOnlyList<string> FileNames { get; } =
        [BertTokenizer.VocabFileName, TokenizerConfigFile.FileName, SpecialTokensMapFileName, TokenizerJsonWriter.FileName];

    /// <param name="maxLength">model_max_length: the longest input the model was trained for.</param>
    public static void Write(string folder, BertTokenizer tokenizer, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        AtomicFile.WriteAllText(Path.Combine(folder, BertTokenizer.VocabFileName), string.Join("\n", tokenizer.Vocabulary.Tokens) + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, TokenizerConfigFile.FileName), TokenizerConfig(tokenizer, maxLength).ToJsonString(Indented) + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, SpecialTokensMapFileName), SpecialTokensMap().ToJsonString(Indented) + "\n");
        AtomicFile.Write(Path.Combine(folder, TokenizerJsonWriter.FileName), temporary => File.WriteAllBytes(temporary, TokenizerJsonWriter.Write(tokenizer)));
    }

    /// <summary>The keys BertTokenizer(Fast) writes, sorted as it writes them; ours reads do_lower_case, strip_accents, tokenize_chinese_chars and model_max_length back.</summary>
    private static JsonObject TokenizerConfig(BertTokenizer tokenizer, int maxLength)
    {
        var addedTokens = new JsonObject();
        foreach (var special in WordPieceVocabulary.SpecialTokens.OrderBy(tokenizer.Vocabulary.GetId))
        {
            addedTokens[tokenizer.Vocabulary.GetId(special).ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["content"] = special,
                ["lstrip"] = false,
                ["normalized"] = false,
                ["rstrip"] = false,
                ["single_word"] = false,
                ["special"] = true,
            };
        }

        var config = new JsonObject
        {
            ["added_tokens_decoder"] = addedTokens,
            ["clean_up_tokenization_spaces"] = true,
            ["do_basic_tokenize"] = true,
            ["do_lower_case"] = tokenizer.Basic.DoLowerCase,
            ["model_max_length"] = maxLength,
            ["never_split"] = null,
            ["strip_accents"] = tokenizer.Basic.StripAccents,
            ["tokenize_chinese_chars"] = tokenizer.Basic.TokenizeChineseChars,
            ["tokenizer_class"] = "BertTokenizer",
        };
        foreach (var (key, token) in SpecialTokenKeys())
        {
            config[key] = token;
        }

        return new JsonObject(config.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    private static JsonObject SpecialTokensMap() => new(SpecialTokenKeys().Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Token)));

    /// <summary>The special-token attributes of a BERT tokenizer, in special_tokens_map.json's (sorted) order.</summary>
    private static (string Key, string Token)[] SpecialTokenKeys() =>
    [
        ("cls_token", WordPieceVocabulary.ClassifierToken),
        ("mask_token", WordPieceVocabulary.MaskToken),
        ("pad_token", WordPieceVocabulary.PadToken),
        ("sep_token", WordPieceVocabulary.SeparatorToken),
        ("unk_token", WordPieceVocabulary.UnknownToken),
    ];
}
