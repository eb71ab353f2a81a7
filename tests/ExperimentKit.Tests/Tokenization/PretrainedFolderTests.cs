using System.Text.Json.Nodes;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

/// <summary>BertTokenizer.FromPretrainedFolder: tokenizer.json, or vocab.txt with tokenizer_config.json, and errors that name the file.</summary>
public sealed class PretrainedFolderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void Tokenizer_json_gives_the_same_ids_as_vocab_txt_on_mrpc_dev()
    {
        File.WriteAllBytes(_folder.File("tokenizer.json"), TokenizerJsonWriter.Write(Bert.Tokenizer));
        var fromVocab = BertTokenizer.FromPretrainedFolder(Path.GetDirectoryName(Bert.VocabPath)!);

        var fromJson = BertTokenizer.FromPretrainedFolder(_folder.Path);

        foreach ((string first, string second) in Glue.MrpcPairs("dev"))
        {
            Assert.Equal(fromVocab.Encode(first, second).InputIds, fromJson.Encode(first, second).InputIds);
            Assert.Equal(fromVocab.Encode(first).InputIds, fromJson.Encode(first).InputIds);
        }
    }

    [Fact]
    public void Tokenizer_json_carries_the_normalizer_and_word_piece_settings()
    {
        var cased = new BertTokenizer(Bert.Tokenizer.Vocabulary, new BasicTokenizer(doLowerCase: false, tokenizeChineseChars: false), 50);
        File.WriteAllBytes(_folder.File("tokenizer.json"), TokenizerJsonWriter.Write(cased));

        var loaded = BertTokenizer.FromPretrainedFolder(_folder.Path);

        Assert.False(loaded.Basic.DoLowerCase);
        Assert.False(loaded.Basic.StripAccents);
        Assert.False(loaded.Basic.TokenizeChineseChars);
        Assert.Equal(50, loaded.WordPiece.MaxInputCharsPerWord);
        Assert.Equal(512, loaded.ModelMaxLength);
    }

    [Fact]
    public void Vocab_txt_takes_its_settings_from_tokenizer_config_json()
    {
        File.Copy(Bert.VocabPath, _folder.File("vocab.txt"));
        File.WriteAllText(_folder.File("tokenizer_config.json"), """{ "do_lower_case": false, "model_max_length": 128 }""");

        var loaded = BertTokenizer.FromPretrainedFolder(_folder.Path);

        Assert.False(loaded.Basic.DoLowerCase);
        Assert.Equal(128, loaded.ModelMaxLength);
        Assert.Equal(128, loaded.Encode(string.Join(' ', Enumerable.Repeat("word", 300))).Length);
    }

    [Fact]
    public void Huge_model_max_length_means_no_limit()
    {
        File.WriteAllText(_folder.File("tokenizer_config.json"), """{ "model_max_length": 1000000000000000019884624838656 }""");

        Assert.Equal(int.MaxValue, TokenizerConfigFile.Read(_folder.File("tokenizer_config.json")).ModelMaxLength);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        string path = _folder.File("tokenizer.json");
        File.WriteAllText(path, "{\n  \"model\": {\n    \"type\": WordPiece\n  }\n}\n");

        var error = Assert.Throws<InvalidDataException>(() => BertTokenizer.FromPretrainedFolder(_folder.Path));

        Assert.StartsWith($"{path}, line 3,", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.type", "\"BPE\"", "$.model.type")]
    [InlineData("model.vocab.[PAD]", "99999", "$.model.vocab[\"[PAD]\"]")]
    [InlineData("model.vocab", "[]", "$.model.vocab")]
    [InlineData("normalizer.lowercase", "\"yes\"", "$.normalizer.lowercase")]
    [InlineData("normalizer.clean_text", "false", "$.normalizer.clean_text")]
    [InlineData("pre_tokenizer.type", "\"Whitespace\"", "$.pre_tokenizer.type")]
    public void Unsupported_or_wrong_values_name_the_file_and_json_path(string property, string json, string jsonPath)
    {
        string path = _folder.File("tokenizer.json");
        var root = JsonNode.Parse(TokenizerJsonWriter.Write(Bert.Tokenizer))!;
        string[] parts = property.Split('.');
        parts[..^1].Aggregate(root, (node, part) => node[part]!)[parts[^1]] = JsonNode.Parse(json);
        File.WriteAllText(path, root.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => BertTokenizer.FromPretrainedFolder(_folder.Path));

        Assert.StartsWith($"{path}: {jsonPath}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_kind_in_tokenizer_config_names_the_file_and_key()
    {
        string path = _folder.File("tokenizer_config.json");
        File.Copy(Bert.VocabPath, _folder.File("vocab.txt"));
        File.WriteAllText(path, """{ "do_lower_case": "yes" }""");

        var error = Assert.Throws<InvalidDataException>(() => BertTokenizer.FromPretrainedFolder(_folder.Path));

        Assert.StartsWith($"{path}: $.do_lower_case:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_or_files_are_named()
    {
        string missing = _folder.File("nowhere");
        Assert.Contains(missing, Assert.Throws<DirectoryNotFoundException>(() => BertTokenizer.FromPretrainedFolder(missing)).Message, StringComparison.Ordinal);

        var error = Assert.Throws<FileNotFoundException>(() => BertTokenizer.FromPretrainedFolder(_folder.Path));

        Assert.Equal($"No tokenizer in {_folder.Path}: expected tokenizer.json or vocab.txt.", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
