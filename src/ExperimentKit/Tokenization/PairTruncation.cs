using ExperimentKit.Schema.Model;

namespace ExperimentKit.Tokenization;

/// <summary>Hugging Face tokenizers' truncate_encodings (Rust, used by BertTokenizerFast), truncating from the right.</summary>
internal static class PairTruncation
{
    /// <summary>Cuts <paramref name="first"/> and <paramref name="second"/> to at most <paramref name="maxLength"/> tokens together.</summary>
    /// <param name="maxLength">The budget left after special tokens.</param>
    /// <exception cref="ArgumentException">only_second without a pair, or the sequence to cut is too short.</exception>
    public static void Apply(TokenSequence first, TokenSequence? second, int maxLength, TruncationStrategy strategy)
    {
        int n1 = first.Count;
        int n2 = second?.Count ?? 0;
        int excess = n1 + n2 - maxLength;
        if (strategy == TruncationStrategy.DoNotTruncate || excess <= 0)
        {
            return;
        }

        switch (strategy)
        {
            case TruncationStrategy.LongestFirst when second is null:
                first.Truncate(maxLength);
                break;
            case TruncationStrategy.LongestFirst:
                (int keep1, int keep2) = LongestFirst(n1, n2, maxLength);
                first.Truncate(keep1);
                second.Truncate(keep2);
                break;
            case TruncationStrategy.OnlyFirst:
                CutOnly(first, excess, "first");
                break;
            case TruncationStrategy.OnlySecond:
                CutOnly(
                    second ?? throw new ArgumentException("Truncation only_second needs a sentence pair."),
                    excess,
                    "second");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown truncation strategy.");
        }
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

    private static void CutOnly(TokenSequence target, int excess, string which)
    {
        if (target.Count <= excess)
        {
            throw new ArgumentException(
                $"Cannot truncate only the {which} sequence: it has {target.Count} tokens and {excess} must go.");
        }

        target.Truncate(target.Count - excess);
    }
}
