using System.Text.Json;

namespace ExperimentKit.Tokenization;

/// <summary>
/// Writes a tokenizer as the standard BERT tokenizer.json (what bert-base-uncased ships), so that Hugging Face's
/// Rust tokenizer can load exactly the same configuration: the parity reference and the benchmark build theirs here.
/// </summary>
public static class TokenizerJsonWriter
{
    public const string FileName = "tokenizer.json";

    public static byte[] Write(BertTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        WordPieceVocabulary vocabulary = tokenizer.Vocabulary;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("version", "1.0");
            w.WriteNull("truncation");
            w.WriteNull("padding");
            WriteAddedTokens(w, vocabulary);
            w.WriteStartObject("normalizer");
            w.WriteString("type", "BertNormalizer");
            w.WriteBoolean("clean_text", true);
            w.WriteBoolean("handle_chinese_chars", tokenizer.Basic.TokenizeChineseChars);
            w.WriteBoolean("strip_accents", tokenizer.Basic.StripAccents);
            w.WriteBoolean("lowercase", tokenizer.Basic.DoLowerCase);
            w.WriteEndObject();
            w.WriteStartObject("pre_tokenizer");
            w.WriteString("type", "BertPreTokenizer");
            w.WriteEndObject();
            WritePostProcessor(w, vocabulary);
            w.WriteStartObject("decoder");
            w.WriteString("type", "WordPiece");
            w.WriteString("prefix", WordPieceVocabulary.ContinuationPrefix);
            w.WriteBoolean("cleanup", true);
            w.WriteEndObject();
            w.WriteStartObject("model");
            w.WriteString("type", "WordPiece");
            w.WriteString("unk_token", WordPieceVocabulary.UnknownToken);
            w.WriteString("continuing_subword_prefix", WordPieceVocabulary.ContinuationPrefix);
            w.WriteNumber("max_input_chars_per_word", tokenizer.WordPiece.MaxInputCharsPerWord);
            w.WriteStartObject("vocab");
            for (int id = 0; id < vocabulary.Count; id++)
            {
                w.WriteNumber(vocabulary.GetToken(id), id);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteAddedTokens(Utf8JsonWriter w, WordPieceVocabulary vocabulary)
    {
        w.WriteStartArray("added_tokens");
        foreach (string special in WordPieceVocabulary.SpecialTokens.OrderBy(vocabulary.GetId))
        {
            w.WriteStartObject();
            w.WriteNumber("id", vocabulary.GetId(special));
            w.WriteString("content", special);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("special", true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WritePostProcessor(Utf8JsonWriter w, WordPieceVocabulary vocabulary)
    {
        w.WriteStartObject("post_processor");
        w.WriteString("type", "TemplateProcessing");
        WriteTemplate(w, "single", ("[CLS]", true, 0), ("A", false, 0), ("[SEP]", true, 0));
        WriteTemplate(w, "pair", ("[CLS]", true, 0), ("A", false, 0), ("[SEP]", true, 0), ("B", false, 1), ("[SEP]", true, 1));
        w.WriteStartObject("special_tokens");
        foreach (string special in new[] { WordPieceVocabulary.ClassifierToken, WordPieceVocabulary.SeparatorToken })
        {
            w.WriteStartObject(special);
            w.WriteString("id", special);
            w.WriteStartArray("ids");
            w.WriteNumberValue(vocabulary.GetId(special));
            w.WriteEndArray();
            w.WriteStartArray("tokens");
            w.WriteStringValue(special);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTemplate(Utf8JsonWriter w, string name, params (string Id, bool Special, int TypeId)[] pieces)
    {
        w.WriteStartArray(name);
        foreach ((string id, bool special, int typeId) in pieces)
        {
            w.WriteStartObject();
            w.WriteStartObject(special ? "SpecialToken" : "Sequence");
            w.WriteString("id", id);
            w.WriteNumber("type_id", typeId);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
