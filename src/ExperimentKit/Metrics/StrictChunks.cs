namespace ExperimentKit.Metrics;

/// <summary>
/// seqeval's strict-mode chunking (seqeval.scheme.Tokens.entities): an entity must start, continue and end exactly as
/// its scheme says, so I-PER after O opens nothing in IOB2 and B-PER I-PER without E-PER is no entity in IOBES.
/// </summary>
internal static class StrictChunks
{
    /// <param name="offset">Added to every position, so entities of different sentences never compare equal.</param>
    public static IEnumerable<Entity> Of(IReadOnlyList<string> tags, SchemeRules rules, int offset)
    {
        // The trailing O ends an entity still open at the end; no scheme has O inside an entity, so the scan
        // for an entity's last token always stops at it or before.
        var tokens = tags.Select(rules.Parse).Append(StrictToken.Outside).ToArray();
        var previous = StrictToken.Outside;
        var i = 0;
        while (i < tokens.Length)
        {
            if (rules.IsStart(previous, tokens[i]))
            {
                var end = i + 1;
                while (rules.IsInside(tokens[end - 1], tokens[end]))
                {
                    end++;
                }

                if (rules.IsEnd(tokens[end - 1], tokens[end]))
                {
                    yield return new Entity(tokens[i].Type, offset + i, offset + end - 1);
                }

                i = end;
            }
            else
            {
                i++;
            }

            previous = tokens[i - 1];
        }
    }
}
