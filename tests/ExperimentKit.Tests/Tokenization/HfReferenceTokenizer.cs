using System.Text.Json;
using ExperimentKit.Tokenization;
using Tokenizers.DotNet;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>
/// Hugging Face's Rust tokenizer (through Tokenizers.DotNet) loaded with the standard bert-base-uncased
/// tokenizer.json, built here from vocab.txt because none ships in the data folder.
/// </summary>
internal sealed class HfReferenceTokenizer
{
    private static readonly Lazy<HfReferenceTokenizer> LazyInstance = new(() => new HfReferenceTokenizer(Bert.VocabPath));

    private readonly Tokenizer _tokenizer;

    private HfReferenceTokenizer(string vocabPath)
    {
        string json = Path.Combine(Path.GetTempPath(), $"experimentkit-bert-tokenizer-{Environment.ProcessId}.json");
        File.WriteAllBytes(json, BuildTokenizerJson(File.ReadAllLines(vocabPath)));
        _tokenizer = new Tokenizer(json);
    }

    public static HfReferenceTokenizer Instance => LazyInstance.Value;

    /// <summary>Ids of [CLS] text [SEP].</summary>
    public int[] Encode(string text) => [.. _tokenizer.Encode(text).Select(id => checked((int)id))];

    /// <summary>[CLS] A [SEP] B [SEP] and its token types; Tokenizers.DotNet has no pair API.</summary>
    public (int[] Ids, int[] TypeIds) EncodePair(string first, string second)
    {
        int[] a = Encode(first);
        int[] b = Encode(second)[1..];
        return ([.. a, .. b], [.. a.Select(_ => 0), .. b.Select(_ => 1)]);
    }

    private static byte[] BuildTokenizerJson(string[] vocab)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("version", "1.0");
            w.WriteNull("truncation");
            w.WriteNull("padding");
            w.WriteStartArray("added_tokens");
            foreach (string special in new[]
            {
                WordPieceVocabulary.PadToken, WordPieceVocabulary.UnknownToken, WordPieceVocabulary.ClassifierToken,
                WordPieceVocabulary.SeparatorToken, WordPieceVocabulary.MaskToken,
            })
            {
                w.WriteStartObject();
                w.WriteNumber("id", Array.IndexOf(vocab, special));
                w.WriteString("content", special);
                w.WriteBoolean("single_word", false);
                w.WriteBoolean("lstrip", false);
                w.WriteBoolean("rstrip", false);
                w.WriteBoolean("normalized", false);
                w.WriteBoolean("special", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("normalizer");
            w.WriteString("type", "BertNormalizer");
            w.WriteBoolean("clean_text", true);
            w.WriteBoolean("handle_chinese_chars", true);
            w.WriteNull("strip_accents");
            w.WriteBoolean("lowercase", true);
            w.WriteEndObject();
            w.WriteStartObject("pre_tokenizer");
            w.WriteString("type", "BertPreTokenizer");
            w.WriteEndObject();
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
                w.WriteNumberValue(Array.IndexOf(vocab, special));
                w.WriteEndArray();
                w.WriteStartArray("tokens");
                w.WriteStringValue(special);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("decoder");
            w.WriteString("type", "WordPiece");
            w.WriteString("prefix", "##");
            w.WriteBoolean("cleanup", true);
            w.WriteEndObject();
            w.WriteStartObject("model");
            w.WriteString("type", "WordPiece");
            w.WriteString("unk_token", WordPieceVocabulary.UnknownToken);
            w.WriteString("continuing_subword_prefix", "##");
            w.WriteNumber("max_input_chars_per_word", 100);
            w.WriteStartObject("vocab");
            for (int id = 0; id < vocab.Length; id++)
            {
                w.WriteNumber(vocab[id], id);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
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
