using ExperimentKit.Tokenization;

namespace ExperimentKit.Tests.Tokenization;

public sealed class VocabularyTests : IDisposable
{
    private static readonly string[] Specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private readonly string _folder = Directory.CreateTempSubdirectory("experimentkit-vocab-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Missing_file_names_the_path()
    {
        string path = Path.Combine(_folder, "absent.txt");

        var error = Assert.Throws<FileNotFoundException>(() => WordPieceVocabulary.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_and_lf_files_give_the_same_ids()
    {
        string lf = Write("lf.txt", string.Join('\n', [.. Specials, "hello", "##lo"]) + "\n");
        string crlf = Write("crlf.txt", string.Join("\r\n", [.. Specials, "hello", "##lo"]) + "\r\n");

        var a = WordPieceVocabulary.Load(lf);
        var b = WordPieceVocabulary.Load(crlf);

        Assert.Equal(7, a.Count);
        Assert.Equal(a.Tokens, b.Tokens);
        Assert.True(b.TryGetId("##lo", out int id));
        Assert.Equal(6, id);
        Assert.Equal((0, 1, 2, 3, 4), (b.PadId, b.UnknownId, b.ClassifierId, b.SeparatorId, b.MaskId));
    }

    [Fact]
    public void Empty_line_names_file_and_line()
    {
        string path = Write("empty.txt", string.Join('\n', [.. Specials, "", "x"]));

        var error = Assert.Throws<InvalidDataException>(() => WordPieceVocabulary.Load(path));

        Assert.Contains($"{path}, line 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_token_names_file_and_line()
    {
        string path = Write("dup.txt", string.Join('\n', [.. Specials, "x", "y", "x"]));

        var error = Assert.Throws<InvalidDataException>(() => WordPieceVocabulary.Load(path));

        Assert.Contains($"{path}, line 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_special_token_is_reported()
    {
        string path = Write("nomask.txt", string.Join('\n', Specials[..4]));

        var error = Assert.Throws<InvalidDataException>(() => WordPieceVocabulary.Load(path));

        Assert.Contains("[MASK]", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
