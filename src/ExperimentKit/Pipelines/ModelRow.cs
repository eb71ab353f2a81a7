using ExperimentKit.Tokenization;

namespace ExperimentKit.Pipelines;

/// <summary>One unpadded input row of a model: token ids and segment ids, every token attended.</summary>
internal readonly record struct ModelRow(int[] InputIds, int[] TokenTypeIds)
{
    public int Length => InputIds.Length;

    public static ModelRow Of(Encoding encoding) => new(encoding.InputIds, encoding.TokenTypeIds);
}
