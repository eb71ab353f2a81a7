using ExperimentKit.Data;

namespace ExperimentKit.Tests.Data;

/// <summary>
/// group_by_length against transformers' get_length_grouped_indices: the expected orders are what that function
/// returns for the same permutation and lengths (its Python, run on these lists).
/// </summary>
public sealed class LengthGroupedOrderTests
{
    private static readonly int[] Permutation = [7, 2, 15, 0, 11, 19, 4, 9, 13, 1, 17, 6, 3, 18, 10, 5, 14, 8, 16, 12];
    private static readonly int[] Lengths = [5, 9, 3, 9, 12, 7, 7, 2, 30, 4, 11, 6, 8, 3, 10, 1, 6, 13, 5, 7];

    [Fact]
    public void Megabatches_of_two_batches_sort_longest_first_and_the_longest_example_leads()
    {
        // 20 examples / (4 × batch 2) = 2 batches a megabatch.
        Assert.Equal(
            [8, 2, 7, 15, 4, 19, 11, 9, 17, 1, 6, 13, 10, 3, 5, 18, 0, 14, 12, 16],
            LengthGroupedOrder.Arrange(Permutation, Lengths, batchSize: 2));
    }

    [Fact]
    public void Small_datasets_use_megabatches_of_one_batch_and_ties_keep_the_permutation_order()
    {
        // 20 / (4 × 8) rounds to 0, so a megabatch is one batch; examples 1 and 3 (both 9 tokens) keep their order.
        Assert.Equal(
            [8, 19, 11, 0, 9, 2, 7, 15, 17, 10, 1, 3, 6, 5, 18, 13, 4, 14, 12, 16],
            LengthGroupedOrder.Arrange(Permutation, Lengths, batchSize: 8));
    }

    [Fact]
    public void The_order_is_a_permutation_whose_batches_need_less_padding()
    {
        var random = new Random(5);
        var lengths = Enumerable.Range(0, 3000).Select(_ => random.Next(10, 120)).ToArray();
        var permutation = Enumerable.Range(0, lengths.Length).OrderBy(_ => random.Next()).ToArray();

        var grouped = LengthGroupedOrder.Arrange(permutation, lengths, batchSize: 32);

        Assert.Equal(Enumerable.Range(0, lengths.Length), grouped.Order());
        Assert.True(PaddedTokens(grouped, lengths) * 5 < PaddedTokens(permutation, lengths), "grouping should cut padding at least fivefold");
    }

    [Fact]
    public void An_empty_order_stays_empty() => Assert.Empty(LengthGroupedOrder.Arrange([], [], batchSize: 4));

    private static long PaddedTokens(int[] order, int[] lengths) =>
        order.Chunk(32).Sum(batch => (long)(batch.Length * batch.Max(i => lengths[i])) - batch.Sum(i => lengths[i]));
}
