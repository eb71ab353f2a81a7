namespace ExperimentKit.Data;

/// <summary>
/// group_by_length, as transformers' get_length_grouped_indices arranges a random permutation: cut it into
/// megabatches of min(N / (4 × batch), 50) batches, sort each by length (longest first, ties in permutation order),
/// and move the longest example of all to the very front, so the costliest batch runs first and a run that would
/// run out of memory does so at once. Batches then hold examples of similar length and need little padding, while
/// the order stays as random as the permutation at the megabatch scale.
/// </summary>
public static class LengthGroupedOrder
{
    private const int MaxBatchesPerMegabatch = 50;

    /// <param name="permutation">The epoch's random permutation of example indices.</param>
    /// <param name="lengths">Each example's length in tokens, by example index.</param>
    /// <param name="batchSize">Examples per optimizer step: the device batch times gradient_accumulation_steps.</param>
    public static int[] Arrange(IReadOnlyList<int> permutation, IReadOnlyList<int> lengths, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (permutation.Count == 0)
        {
            return [];
        }

        var batchesPerMegabatch = Math.Max(1, Math.Min(permutation.Count / (batchSize * 4), MaxBatchesPerMegabatch));
        var megabatchSize = batchesPerMegabatch * batchSize;

        // OrderByDescending is a stable sort, as Python's sorted(reverse=True) is.
        var megabatches = permutation.Chunk(megabatchSize)
            .Select(chunk => chunk.OrderByDescending(index => lengths[index]).ToArray())
            .ToArray();

        var longest = 0;
        for (var i = 1; i < megabatches.Length; i++)
        {
            if (lengths[megabatches[i][0]] > lengths[megabatches[longest][0]])
            {
                longest = i;
            }
        }

        (megabatches[0][0], megabatches[longest][0]) = (megabatches[longest][0], megabatches[0][0]);
        return [.. megabatches.SelectMany(megabatch => megabatch)];
    }
}
