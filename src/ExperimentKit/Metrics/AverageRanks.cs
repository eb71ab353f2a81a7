namespace ExperimentKit.Metrics;

/// <summary>scipy.stats.rankdata with method='average': 1-based ranks, tied values share the mean of the ranks they span.</summary>
internal static class AverageRanks
{
    public static double[] Of(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start + 1;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                end++;
            }

            // Sorted positions start..end-1 hold ranks start+1..end; their mean is the midpoint.
            var rank = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }
}
