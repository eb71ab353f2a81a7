namespace ExperimentKit.Data;

/// <summary>
/// Puts word tags on tokens as Hugging Face run_ner.py's tokenize_and_align_labels does: the loss and the metrics
/// read one label per word, on the word's first token; every other position is <see cref="Ignored"/>.
/// </summary>
public static class TokenLabelAlignment
{
    /// <summary>The label PyTorch's cross-entropy skips (ignore_index), as Hugging Face uses it.</summary>
    public const int Ignored = -100;

    /// <summary>
    /// run_ner.py's b_to_i_label: for each label id, the id of its I- counterpart if it is a B- label that has one,
    /// else the id itself.
    /// </summary>
    public static int[] BeginToInside(IReadOnlyList<string> labelNames)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        var result = new int[labelNames.Count];
        for (int i = 0; i < result.Length; i++)
        {
            string name = labelNames[i];
            int inside = name.StartsWith("B-", StringComparison.Ordinal) ? IndexOf(labelNames, "I-" + name[2..]) : -1;
            result[i] = inside >= 0 ? inside : i;
        }

        return result;
    }

    /// <summary>One label per token.</summary>
    /// <param name="wordIds">Each token's word (<see cref="Tokenization.EncodedWords.WordIds"/>); null for special tokens.</param>
    /// <param name="wordTagIds">Each word's label id; words that truncation cut off simply have no token.</param>
    /// <param name="labelAllTokens">
    /// Label the later tokens of a word too (label_all_tokens), with B-X turned into I-X; otherwise they are ignored.
    /// </param>
    /// <param name="beginToInside">From <see cref="BeginToInside"/>, for the label names the ids refer to.</param>
    /// <exception cref="ArgumentException">A word id has no tag.</exception>
    public static int[] Align(int?[] wordIds, int[] wordTagIds, bool labelAllTokens, IReadOnlyList<int> beginToInside)
    {
        ArgumentNullException.ThrowIfNull(wordIds);
        ArgumentNullException.ThrowIfNull(wordTagIds);
        ArgumentNullException.ThrowIfNull(beginToInside);
        var labels = new int[wordIds.Length];
        int? previous = null;
        for (int i = 0; i < wordIds.Length; i++)
        {
            if (wordIds[i] is not int word)
            {
                labels[i] = Ignored;
                previous = null;
                continue;
            }

            if (word < 0 || word >= wordTagIds.Length)
            {
                throw new ArgumentException($"Token {i} belongs to word {word}, but there are tags for {wordTagIds.Length} words.", nameof(wordIds));
            }

            labels[i] = word != previous ? wordTagIds[word]
                : labelAllTokens ? beginToInside[wordTagIds[word]]
                : Ignored;
            previous = word;
        }

        return labels;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
