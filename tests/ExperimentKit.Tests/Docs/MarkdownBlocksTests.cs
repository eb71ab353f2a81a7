namespace ExperimentKit.Tests.Docs;

/// <summary>How a page's fenced blocks and the markers above them are read.</summary>
public sealed class MarkdownBlocksTests
{
    [Fact]
    public void A_block_takes_the_comments_directly_above_it_and_no_others()
    {
        const string Page = """
            # Title

            <!-- not run: far above, with prose between -->
            Some prose.

            <!-- yaml: merged over experiments/mrpc.yaml -->

            <!-- not run `sbatch`: there is no Slurm
                 on this machine -->
            ```bash
            sbatch x
            ```

              ```yaml
              name: indented
              ```
            """;

        var blocks = MarkdownBlocks.Read("page.md", Page);

        Assert.Equal(2, blocks.Count);
        Assert.Equal(("bash", 10, "sbatch x\n"), (blocks[0].Language, blocks[0].Line, blocks[0].Text));
        Assert.Equal("merged over experiments/mrpc.yaml", blocks[0].Yaml);
        var notRun = Assert.IsType<NotRunMarker>(blocks[0].Markers[1]);
        Assert.Equal(("sbatch", "there is no Slurm on this machine"), (notRun.Prefix, notRun.Reason));
        Assert.Null(blocks[0].NotRun);
        Assert.Equal(("yaml", "name: indented\n"), (blocks[1].Language, blocks[1].Text));
        Assert.Empty(blocks[1].Markers);
    }

    [Fact]
    public void An_unknown_marker_and_a_reason_of_no_words_are_told_apart()
    {
        Assert.IsType<UnknownMarker>(BlockMarker.Parse(" skip this "));
        Assert.False(Assert.IsType<NotRunMarker>(BlockMarker.Parse(" not run: x ")).HasReason);
        Assert.True(Assert.IsType<NotRunMarker>(BlockMarker.Parse(" not run: needs a GPU ")).HasReason);
    }

    [Fact]
    public void A_fence_that_is_never_closed_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => MarkdownBlocks.Read("page.md", "```bash\nls\n"));
    }
}
