namespace ExperimentKit.Data.QuestionAnswering;

/// <summary>
/// One feature's start or end logits inside a larger array without copying them: per-feature arrays (stride 1) or the
/// start or end column of a [features, sequence, 2] array (stride 2).
/// </summary>
internal readonly record struct LogitRow(float[] Data, int Offset, int Stride, int Length)
{
    public float this[int position] => Data[Offset + (position * Stride)];

    /// <summary>
    /// np.argsort(logits)[-1 : -n - 1 : -1]: the positions of the <paramref name="count"/> largest logits, largest
    /// first, over the whole row. numpy leaves the order of equal logits unspecified; here the lower position comes first.
    /// </summary>
    public int[] TopPositions(int count)
    {
        LogitRow row = this;
        return [.. Enumerable.Range(0, Length).OrderByDescending(position => row[position]).Take(count)];
    }
}
