namespace ExperimentKit.Data.Records;

/// <summary>
/// The "did you mean" for a column name, by the rule the YAML schema uses (ExperimentKit.Schema's Suggestions): optimal
/// string alignment distance, case-insensitive, at most a third of the name's length (and at least 2). Repeated here
/// because that class is internal to the netstandard schema assembly, which this layer does not change.
/// </summary>
internal static class ColumnSuggestion
{
    public static string? Closest(string written, IEnumerable<string> columns)
    {
        var limit = Math.Max(2, written.Length / 3);
        return columns
            .Select(c => (Column: c, Distance: Distance(written.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .Select(c => c.Column)
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
