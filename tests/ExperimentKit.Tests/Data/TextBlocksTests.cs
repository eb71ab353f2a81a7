using ExperimentKit.Data;
using ExperimentKit.Tests.Tokenization;

namespace ExperimentKit.Tests.Data;

public sealed class TextBlocksTests
{
    [Fact]
    public void Texts_are_laid_end_to_end_cut_into_blocks_and_the_remainder_dropped()
    {
        int[][] texts = [[101, 1, 2, 102], [101, 3, 102], [101, 4, 5, 6, 102]];

        var blocks = TextBlocks.Group(texts, blockSize: 5).ToArray();

        // 12 tokens: two blocks of 5, and [6, 102] dropped (total_length // block_size * block_size = 10).
        Assert.Equal(2, blocks.Length);
        Assert.Equal([101, 1, 2, 102, 101], blocks[0].InputIds);
        Assert.Equal([3, 102, 101, 4, 5], blocks[1].InputIds);
        Assert.All(blocks, block => Assert.Equal(new int[5], block.TokenTypeIds));
        Assert.All(blocks, block => Assert.Empty(block.Labels));
    }

    [Fact]
    public void A_text_longer_than_a_block_fills_several_and_texts_shorter_than_one_give_none()
    {
        Assert.Equal([[1, 2, 3], [4, 5, 6]], TextBlocks.Group([[1, 2, 3, 4, 5, 6, 7]], 3).Select(b => b.InputIds));
        Assert.Empty(TextBlocks.Group([[101, 1, 102], [101, 102]], 6));
    }

    [Fact]
    public void Blocks_are_made_as_the_texts_are_read()
    {
        // An endless stream: only a grouping that holds no more than the block being filled can give the first blocks.
        var blocks = TextBlocks.Group(Enumerable.Repeat<int[]>([101, 7, 102], int.MaxValue), 4).Take(2).ToArray();

        Assert.Equal([101, 7, 102, 101], blocks[0].InputIds);
        Assert.Equal([7, 102, 101, 7], blocks[1].InputIds);
    }

    [Fact]
    public void Lines_of_a_text_file_keep_blank_ones_which_tokenize_to_CLS_SEP_in_the_stream()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("corpus.txt");
        File.WriteAllText(path, "Hello world\n\n  \r\nthe end\n");

        var lines = TextLines.Read(path).ToArray();
        var stream = lines.SelectMany(line => Bert.Tokenizer.EncodeIds(line).InputIds).ToArray();

        Assert.Equal(["Hello world", "", "  ", "the end"], lines);
        Assert.Equal(["[CLS]", "hello", "world", "[SEP]", "[CLS]", "[SEP]", "[CLS]", "[SEP]", "[CLS]", "the", "end", "[SEP]"], Bert.Tokenizer.ConvertIdsToTokens(stream));
    }

    [Fact]
    public void A_line_that_is_not_UTF_8_is_named_by_its_number()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("corpus.txt");
        File.WriteAllBytes(path, [.. "fine\n"u8, 0x61, 0xFF, 0x0A]);

        var error = Assert.Throws<DataFormatException>(() => TextLines.Read(path).ToArray());

        Assert.Equal((2, 2), (error.Line, error.Column));
    }
}
