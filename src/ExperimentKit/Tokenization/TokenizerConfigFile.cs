namespace ExperimentKit.Tokenization;

/// <summary>The keys of a Hugging Face tokenizer_config.json that shape a BERT tokenizer; absent keys keep BERT's defaults.</summary>
/// <param name="ModelMaxLength">
/// model_max_length. Without one, Hugging Face sets no limit; we keep BERT's 512 positions so that default
/// truncation cannot produce inputs the model cannot embed.
/// </param>
public sealed record TokenizerConfigFile(
    bool DoLowerCase = true,
    bool? StripAccents = null,
    bool TokenizeChineseChars = true,
    int ModelMaxLength = EncodeOptions.ModelMaxLength)
{
    public const string FileName = "tokenizer_config.json";

    /// <exception cref="InvalidDataException">Malformed JSON or a value of the wrong kind; the message names file and line or JSON path.</exception>
    public static TokenizerConfigFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using JsonFile file = JsonFile.Open(path);
        var defaults = new TokenizerConfigFile();
        return new TokenizerConfigFile(
            file.OptionalBool(file.Root, "$", "do_lower_case") ?? defaults.DoLowerCase,
            file.OptionalBool(file.Root, "$", "strip_accents"),
            file.OptionalBool(file.Root, "$", "tokenize_chinese_chars") ?? defaults.TokenizeChineseChars,
            file.OptionalCount(file.Root, "$", "model_max_length") ?? defaults.ModelMaxLength);
    }
}
