namespace ExperimentKit.Pipelines;

/// <summary>
/// A model's output for one input row, copied to the host: <see cref="Length"/> rows of <see cref="Width"/> values
/// (the row's real tokens for per-token outputs, without the batch's padding; one row for per-sequence outputs).
/// </summary>
internal sealed record RowOutput(float[] Values, int Length, int Width)
{
    public ReadOnlySpan<float> Row(int index) => Values.AsSpan(index * Width, Width);
}
