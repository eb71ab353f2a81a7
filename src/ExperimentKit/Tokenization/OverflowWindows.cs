namespace ExperimentKit.Tokenization;

/// <summary>
/// Hugging Face tokenizers' Encoding.truncate with a stride (direction right): the kept head is the first
/// window, and what was cut follows as further windows of the same length, each starting
/// <c>keep - stride</c> tokens after the previous one, until one reaches the end.
/// </summary>
internal static class OverflowWindows
{
    /// <summary>The [start, end) token ranges of the windows; the first is what truncation keeps.</summary>
    /// <exception cref="ArgumentException">The stride is not shorter than the window.</exception>
    public static IReadOnlyList<(int Start, int End)> Split(int count, int keep, int stride)
    {
        if (keep >= count)
        {
            return [(0, count)];
        }

        // Rust moves the whole sequence into one overflowing encoding when nothing may be kept.
        if (keep == 0)
        {
            return [(0, 0), (0, count)];
        }

        if (stride >= keep)
        {
            throw new ArgumentException(
                $"stride {stride} must be strictly less than the {keep} tokens a window keeps of this sequence "
                + "(max_length minus the special tokens, and minus the other sequence of a pair).");
        }

        var windows = new List<(int, int)>();
        for (int start = 0; ; start += keep - stride)
        {
            int end = Math.Min(start + keep, count);
            windows.Add((start, end));
            if (end == count)
            {
                return windows;
            }
        }
    }
}
