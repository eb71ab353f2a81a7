namespace ExperimentKit.Tokenization;

/// <summary>
/// A batch as a Hugging Face fast tokenizer returns it with return_overflowing_tokens: every window is a row
/// (each sample's main encoding, then its overflowing windows) and <see cref="OverflowToSampleMapping"/> says
/// which input each row came from.
/// </summary>
public sealed record BatchEncoding(IReadOnlyList<Encoding> Rows, IReadOnlyList<int> OverflowToSampleMapping)
{
    public static BatchEncoding Flatten(IReadOnlyList<Encoding> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var rows = new List<Encoding>(samples.Count);
        var mapping = new List<int>(samples.Count);
        for (int i = 0; i < samples.Count; i++)
        {
            // Rows stand alone: a row's windows are already rows of their own.
            rows.Add(samples[i].Overflowing.Count == 0 ? samples[i] : samples[i] with { Overflowing = [] });
            rows.AddRange(samples[i].Overflowing);
            mapping.AddRange(Enumerable.Repeat(i, 1 + samples[i].Overflowing.Count));
        }

        return new BatchEncoding(rows, mapping);
    }
}
