using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tokenization;

/// <summary>Hugging Face tokenizers' truncate_encodings (Rust, used by BertTokenizerFast), truncating from the right.</summary>
internal static class PairTruncation
{
    /// <summary>How many tokens of each sequence fit in <paramref name="maxLength"/> together.</summary>
    /// <param name="second">Token count of the pair; null for a single sequence.</param>
    /// <param name="maxLength">The budget left after special tokens.</param>
    /// <exception cref="ArgumentException">only_second without a pair, or the sequence to cut is too short.</exception>
    public static (int First, int Second) Keep(int first, int? second, int maxLength, TruncationStrategy strategy)
    {
        int n2 = second ?? 0;
        int excess = first + n2 - maxLength;
        if (strategy == TruncationStrategy.DoNotTruncate || excess <= 0)
        {
            return (first, n2);
        }

        return strategy switch
        {
            TruncationStrategy.LongestFirst when second is null => (maxLength, 0),
            TruncationStrategy.LongestFirst => LongestFirst(first, n2, maxLength),
            TruncationStrategy.OnlyFirst => (CutOnly(first, excess, "first"), n2),
            TruncationStrategy.OnlySecond when second is null =>
                throw new ArgumentException("Truncation only_second needs a sentence pair."),
            TruncationStrategy.OnlySecond => (first, CutOnly(n2, excess, "second")),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown truncation strategy."),
        };
    }

    /// <summary>
    /// Rust's closed form: if the shorter side fits in half, only the longer is cut; otherwise both get half,
    /// the odd token going to the originally longer side, or to the second on a tie. (Python's slow
    /// truncate_sequences always leaves the odd token to the first, so slow and fast tokenizers can differ by one.)
    /// </summary>
    internal static (int First, int Second) LongestFirst(int n1, int n2, int maxLength)
    {
        // Called only when n1 + n2 > maxLength, so the longer length itself never matters.
        bool firstIsLonger = n1 > n2;
        int shorter = Math.Min(n1, n2);
        int longer = shorter > maxLength ? shorter : Math.Max(shorter, maxLength - shorter);
        if (shorter + longer > maxLength)
        {
            shorter = maxLength / 2;
            longer = shorter + (maxLength % 2);
        }

        return firstIsLonger ? (longer, shorter) : (shorter, longer);
    }

    private static int CutOnly(int count, int excess, string which) =>
        count > excess
            ? count - excess
            : throw new ArgumentException(
                $"Cannot truncate only the {which} sequence: it has {count} tokens and {excess} must go.");
}
