using ExperimentKit.Data;

namespace ExperimentKit.Tests.Data;

/// <summary>The CoNLL column reader on the shared CoNLL-2003 files (counts from SOURCES.md) and on small broken files.</summary>
public sealed class ConllReaderTests
{
    private const int NerColumn = 3;

    private static readonly string[] NerLabels = ["O", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "B-ORG", "I-ORG", "B-PER", "I-PER"];

    [Theory]
    [InlineData("valid.txt", 3250, 51362)]
    [InlineData("train.txt", 14041, 203621)]
    public void The_CoNLL_2003_splits_have_their_published_sentence_and_token_counts(string file, int sentences, int tokens)
    {
        var read = ConllReader.Read(TestData.Path("conll2003", file), NerColumn, NerLabels);

        Assert.Equal(sentences, read.Count);
        Assert.Equal(tokens, read.Sum(s => s.Tokens.Length));
        Assert.All(read, s => Assert.Equal(s.Tokens.Length, s.TagIds.Length));
    }

    [Fact]
    public void The_first_training_sentence_follows_the_DOCSTART_line()
    {
        var first = ConllReader.Read(TestData.Path("conll2003", "train.txt"), NerColumn, NerLabels, maxSentences: 1).Single();

        Assert.Equal(3, first.Line);
        Assert.Equal(["EU", "rejects", "German", "call", "to", "boycott", "British", "lamb", "."], first.Tokens);
        Assert.Equal(["B-ORG", "O", "B-MISC", "O", "O", "O", "B-MISC", "O", "O"], first.TagIds.Select(id => NerLabels[id]));
    }

    [Fact]
    public void The_tag_names_of_CoNLL_2003_come_O_first_then_by_entity_type_B_before_I()
    {
        Assert.Equal(NerLabels, ConllReader.ReadTagNames(TestData.Path("conll2003", "valid.txt"), NerColumn));
    }

    [Fact]
    public void Tags_of_another_scheme_sort_by_type_then_B_I_E_S()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, "a S-PER\nb E-LOC\nc I-LOC\nd O\ne B-LOC\nf X\n");

        Assert.Equal(["O", "B-LOC", "I-LOC", "E-LOC", "S-PER", "X"], ConllReader.ReadTagNames(path, 1));
    }

    [Fact]
    public void Runs_of_blank_lines_tabs_CRLF_a_byte_order_mark_and_no_final_blank_line_are_all_fine()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("data.txt");
        File.WriteAllText(path, "-DOCSTART- O\r\n\r\nPeter\tB-PER\r\nBlackburn \t I-PER \r\n\r\n \r\n\r\nBRUSSELS B-LOC", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var read = ConllReader.Read(path, 1, NerLabels);

        Assert.Equal([3, 8], read.Select(s => s.Line));
        Assert.Equal(["Peter", "Blackburn"], read[0].Tokens);
        Assert.Equal([7, 8], read[0].TagIds);
        Assert.Equal(["BRUSSELS"], read[1].Tokens);
        Assert.Equal([1], read[1].TagIds);
    }

    [Fact]
    public void A_DOCSTART_line_ends_the_sentence_before_it_even_without_a_blank_line()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, "a O\n-DOCSTART- -X- -X- O\nb O\n");

        Assert.Equal([["a"], ["b"]], ConllReader.Read(path, 1, NerLabels).Select(s => s.Tokens));
    }

    [Fact]
    public void A_line_with_too_few_columns_is_named_with_where_the_tag_should_be()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, "EU NNP B-NP B-ORG\nrejects VBZ\n");

        var ex = Assert.Throws<DataFormatException>(() => ConllReader.Read(path, NerColumn, NerLabels));

        Assert.Equal($"{path}:2:12: expected at least 4 columns (token in column 1, tag in column 4), found 2.", ex.Message);
        Assert.Equal((2, 12), (ex.Line, ex.Column));
    }

    [Fact]
    public void An_unknown_tag_is_named_at_its_column_with_the_valid_tags()
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, "EU NNP B-NP B-ORG\n\nBlackburn NNP  I-NP B-PERSON\n");

        var ex = Assert.Throws<DataFormatException>(() => ConllReader.Read(path, NerColumn, ["O", "B-ORG", "B-PER"]));

        Assert.Equal($"{path}:3:21: tag 'B-PERSON' is not one of the label names: O, B-ORG, B-PER.", ex.Message);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_named_by_line_and_character_column()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("data.txt");
        // Line 3: 'M', 'ü' (two bytes, one character), then a lone 0xFF.
        File.WriteAllBytes(path, [.. "EU O\n\n"u8, .. "M\u00FC"u8, 0xFF, .. " O\n"u8]);

        var ex = Assert.Throws<DataFormatException>(() => ConllReader.Read(path, 1, NerLabels));

        Assert.Equal($"{path}:3:3: bytes that are not valid UTF-8 (0xFF at byte 4 of the line).", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-DOCSTART- -X- -X- O\n\n\n")]
    public void A_file_without_a_sentence_is_an_error(string text)
    {
        using var folder = new TemporaryFolder();
        string path = Write(folder, text);

        var ex = Assert.Throws<DataFormatException>(() => ConllReader.Read(path, NerColumn, NerLabels));

        Assert.Equal($"{path}:1: no sentences: every line is blank or -DOCSTART-.", ex.Message);
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        using var folder = new TemporaryFolder();
        string token = new('x', 200_000);
        string path = Write(folder, $"a O\n{token} O\nb O");

        Assert.Equal(["a", token, "b"], ConllReader.Read(path, 1, NerLabels).Single().Tokens);
    }

    private static string Write(TemporaryFolder folder, string text)
    {
        string path = folder.File("data.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
