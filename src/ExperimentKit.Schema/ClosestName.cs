using System;
using System.Collections.Generic;
using System.Linq;

namespace ExperimentKit.Schema;

/// <summary>
/// "did you mean" by edit distance (optimal string alignment: a swapped pair of letters counts once), shared by the
/// YAML schema's key and value hints and the data readers' column hints.
/// </summary>
public static class ClosestName
{
    public static string? Of(string written, IEnumerable<string> candidates)
    {
        // Close enough to be a typo, not so loose that every short key matches every other.
        var limit = Math.Max(2, written.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(written.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Select(c => c.Candidate)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
