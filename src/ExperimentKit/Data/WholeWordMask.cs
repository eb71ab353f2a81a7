using System.Runtime.InteropServices;

namespace ExperimentKit.Data;

/// <summary>
/// Hugging Face's DataCollatorForWholeWordMask choice of positions (_whole_word_mask): a word is a token and the "##"
/// pieces after it; the words are shuffled and taken in turn while they fit in the number to predict, a word that
/// would overshoot it skipped, so every piece of a chosen word is chosen and no piece of another.
/// </summary>
internal static class WholeWordMask
{
    /// <summary>max_predictions: Hugging Face never chooses more positions in one example.</summary>
    private const int MaxPredictions = 512;

    /// <summary>
    /// num_to_predict = min(512, max(1, round(length × probability))), where the length counts every token of the
    /// example, [CLS] and [SEP] too, as Hugging Face counts them; rounding half to even, as Python's round.
    /// </summary>
    public static int Count(int length, double probability) =>
        Math.Min(MaxPredictions, Math.Max(1, (int)Math.Round(length * probability, MidpointRounding.ToEven)));

    /// <summary>Sets <paramref name="chosen"/> at the positions of the chosen words.</summary>
    /// <remarks>
    /// Hugging Face leaves only [CLS] and [SEP] out of the words and drops a chosen [UNK], [PAD] or [MASK] afterwards,
    /// masking fewer than it counted; leaving every special token out of the words chooses the count it means.
    /// </remarks>
    public static void Choose(ReadOnlySpan<int> ids, MaskingVocabulary vocabulary, double probability, SplitMix64 random, Span<bool> chosen)
    {
        // The candidate positions in order; a word is a run of them, as a "##" piece joins the word before it.
        var positions = new int[ids.Length];
        var candidates = 0;
        var words = new List<(int Start, int Length)>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (vocabulary.IsSpecial(ids[i]))
            {
                continue;
            }

            if (words.Count > 0 && vocabulary.IsContinuation(ids[i]))
            {
                words[^1] = (words[^1].Start, words[^1].Length + 1);
            }
            else
            {
                words.Add((candidates, 1));
            }

            positions[candidates++] = i;
        }

        random.Shuffle(CollectionsMarshal.AsSpan(words));
        var target = Count(ids.Length, probability);
        var taken = 0;
        foreach (var (start, length) in words)
        {
            if (taken >= target)
            {
                break;
            }

            if (taken + length > target)
            {
                continue;
            }

            foreach (var position in positions.AsSpan(start, length))
            {
                chosen[position] = true;
            }

            taken += length;
        }
    }
}
