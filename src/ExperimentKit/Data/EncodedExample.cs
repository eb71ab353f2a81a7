namespace ExperimentKit.Data;

/// <summary>A tokenized example, unpadded: what `datasets.map(tokenize)` leaves in a row.</summary>
public sealed record EncodedExample(int[] InputIds, int[] TokenTypeIds, int Label)
{
    public int Length => InputIds.Length;
}
