namespace ExperimentKit.Data;

/// <summary>
/// Reads a CoNLL column file (CoNLL-2003: `token POS chunk NER`): one token per line, columns separated by spaces or
/// tabs, sentences separated by blank lines, -DOCSTART- lines (document breaks) skipped. The file is streamed.
/// </summary>
public static class ConllReader
{
    /// <summary>The sentences of the file, each word's tag given as its index in <paramref name="labelNames"/>.</summary>
    /// <param name="tagColumn">0-based column of the tag (CoNLL-2003's NER tag: 3); the token is column 0.</param>
    /// <param name="maxSentences">Stop after this many sentences (max_train_samples / max_eval_samples).</param>
    /// <exception cref="DataFormatException">
    /// A line with too few columns, a tag not in <paramref name="labelNames"/>, bytes that are not UTF-8, or no
    /// sentence at all; the message starts with `file:line:column`.
    /// </exception>
    public static IReadOnlyList<TaggedSentence> Read(string path, int tagColumn, IReadOnlyList<string> labelNames, int? maxSentences = null)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        if (maxSentences is int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(maxSentences));
        }

        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labelNames.Count; i++)
        {
            if (!tagIds.TryAdd(labelNames[i], i))
            {
                throw new ArgumentException($"Label '{labelNames[i]}' is listed twice.", nameof(labelNames));
            }
        }

        return [.. Sentences(path, tagColumn)
            .Take(maxSentences ?? int.MaxValue)
            .Select(rows => new TaggedSentence(rows[0].Line, [.. rows.Select(row => row.Token)], [.. rows.Select(TagId)]))];

        int TagId(ConllRow row) =>
            tagIds.TryGetValue(row.Tag, out int id)
                ? id
                : throw new DataFormatException(path, row.Line, row.TagPosition,
                    $"tag '{row.Tag}' is not one of the label names: {string.Join(", ", labelNames)}.");
    }

    /// <summary>
    /// The distinct tags of the file, for when no label names are given: "O" first, then by entity type, B- before
    /// I- (O, B-LOC, I-LOC, B-MISC, ...), an order that does not depend on which tag the file happens to use first.
    /// </summary>
    /// <exception cref="DataFormatException">As for <see cref="Read"/>, except that any tag is accepted.</exception>
    public static IReadOnlyList<string> ReadTagNames(string path, int tagColumn)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (ConllRow[] sentence in Sentences(path, tagColumn))
        {
            tags.UnionWith(sentence.Select(row => row.Tag));
        }

        return [.. tags.Order(EntityTagOrder.Instance)];
    }

    /// <summary>The sentences as rows of the file, read lazily: a caller that stops early leaves the rest unread.</summary>
    private static IEnumerable<ConllRow[]> Sentences(string path, int tagColumn)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(tagColumn);
        using var lines = new Utf8LineReader(path);
        var sentence = new List<ConllRow>();
        bool any = false;
        while (lines.ReadLine() is { } line)
        {
            if (ConllRow.Parse(line, lines.LineNumber, tagColumn, path) is { } row)
            {
                sentence.Add(row);
            }
            else if (sentence.Count > 0)
            {
                any = true;
                yield return [.. sentence];
                sentence.Clear();
            }
        }

        if (sentence.Count > 0)
        {
            yield return [.. sentence];
        }
        else if (!any)
        {
            throw new DataFormatException(path, 1, "no sentences: every line is blank or -DOCSTART-.");
        }
    }
}
