using System.Text.Json.Nodes;
using ExperimentKit.Tests.Tokenization;
using ExperimentKit.Tokenization;
using Tokenizers.DotNet;

namespace ExperimentKit.Tests.Models.Transformers;

/// <summary>
/// The tokenizer files beside a saved model, as BertTokenizerFast.save_pretrained writes them, so AutoTokenizer loads
/// the folder: tokenizer.json in the tokenizers library's layout, and Hugging Face's Rust tokenizer reading that very
/// file gives REFERENCE.md's ids, as ours does.
/// </summary>
public sealed class TokenizerFolderTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public TokenizerFolderTests() => TokenizerFolder.Write(folder.Path, Bert.Tokenizer, 128);

    [Fact]
    public void The_folder_holds_the_four_files_save_pretrained_writes()
    {
        Assert.Equal(
            ["special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllText(Bert.VocabPath).ReplaceLineEndings("\n").TrimEnd('\n') + "\n", File.ReadAllText(folder.File("vocab.txt")));
    }

    [Fact]
    public void Tokenizer_json_is_the_tokenizers_librarys_bert_pipeline()
    {
        var json = Json("tokenizer.json");

        Assert.Equal("1.0", (string?)json["version"]);
        Assert.Null(json["truncation"]);
        Assert.Null(json["padding"]);
        Assert.Equal(
            """[{"id":0,"content":"[PAD]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},{"id":100,"content":"[UNK]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},{"id":101,"content":"[CLS]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},{"id":102,"content":"[SEP]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},{"id":103,"content":"[MASK]","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}]""",
            json["added_tokens"]!.ToJsonString());
        Assert.Equal("""{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":true,"lowercase":true}""", json["normalizer"]!.ToJsonString());
        Assert.Equal("""{"type":"BertPreTokenizer"}""", json["pre_tokenizer"]!.ToJsonString());
        Assert.Equal("""{"type":"WordPiece","prefix":"##","cleanup":true}""", json["decoder"]!.ToJsonString());

        var model = json["model"]!;
        Assert.Equal(("WordPiece", "[UNK]", "##", 100), ((string?)model["type"], (string?)model["unk_token"], (string?)model["continuing_subword_prefix"], (int)model["max_input_chars_per_word"]!));
        Assert.Equal(30522, model["vocab"]!.AsObject().Count);
        Assert.Equal((0, 101, 17662), ((int)model["vocab"]!["[PAD]"]!, (int)model["vocab"]!["[CLS]"]!, (int)model["vocab"]!["hugging"]!));

        // [CLS] $A [SEP] and [CLS] $A [SEP] $B:1 [SEP]:1.
        var post = json["post_processor"]!;
        Assert.Equal("TemplateProcessing", (string?)post["type"]);
        Assert.Equal(["[CLS]:0", "A:0", "[SEP]:0"], Template(post["single"]!));
        Assert.Equal(["[CLS]:0", "A:0", "[SEP]:0", "B:1", "[SEP]:1"], Template(post["pair"]!));
        Assert.Equal("""{"[CLS]":{"id":"[CLS]","ids":[101],"tokens":["[CLS]"]},"[SEP]":{"id":"[SEP]","ids":[102],"tokens":["[SEP]"]}}""", post["special_tokens"]!.ToJsonString());
    }

    [Fact]
    public void Tokenizer_config_and_special_tokens_map_name_the_class_and_the_special_tokens()
    {
        var config = Json("tokenizer_config.json");
        Assert.Equal(("BertTokenizer", true, 128, "[CLS]", "[MASK]"), ((string?)config["tokenizer_class"], (bool)config["do_lower_case"]!, (int)config["model_max_length"]!, (string?)config["cls_token"], (string?)config["mask_token"]));
        Assert.Equal(["0", "100", "101", "102", "103"], config["added_tokens_decoder"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            """{"cls_token":"[CLS]","mask_token":"[MASK]","pad_token":"[PAD]","sep_token":"[SEP]","unk_token":"[UNK]"}""",
            Json("special_tokens_map.json").ToJsonString());
    }

    [Theory]
    [InlineData("I've been waiting for a HuggingFace course my whole life.", "101 1045 1005 2310 2042 3403 2005 1037 17662 12172 2607 2026 2878 2166 1012 102")]
    [InlineData("I hate this so much!", "101 1045 5223 2023 2061 2172 999 102")]
    [InlineData("This is the first sentence.", "101 2023 2003 1996 2034 6251 1012 102")]
    [InlineData("This is the second one.", "101 2023 2003 1996 2117 2028 1012 102")]
    public void Hugging_faces_tokenizer_reads_the_written_file_and_gives_the_reference_ids_as_ours_does(string text, string expected)
    {
        var ids = expected.Split(' ').Select(int.Parse).ToArray();
        var theirs = new Tokenizer(folder.File("tokenizer.json")).Encode(text).Select(id => checked((int)id));
        var ours = BertTokenizer.FromPretrainedFolder(folder.Path).Encode(text).InputIds;

        Assert.Equal(ids, theirs);
        Assert.Equal(ids, ours);
    }

    public void Dispose() => folder.Dispose();

    private JsonNode Json(string file) => JsonNode.Parse(File.ReadAllText(folder.File(file)))!;

    private static string[] Template(JsonNode pieces) =>
        [.. pieces.AsArray().Select(piece => piece!.AsObject().Single()).Select(p => $"{(string?)p.Value!["id"]}:{(int)p.Value!["type_id"]!}")];
}
