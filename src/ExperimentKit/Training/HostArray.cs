using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// A tensor copied to host memory as float32, row-major, with its shape and the dtype it had (labels keep int64 or
/// float32 when written out). The numpy array of transformers' EvalPrediction.
/// </summary>
public sealed record HostArray(float[] Data, long[] Shape, ScalarType SourceType)
{
    public static HostArray Empty(ScalarType sourceType) => new([], [0], sourceType);

    public int Rows => (int)Shape[0];

    /// <summary>Values per row (the product of every dimension after the first).</summary>
    public int RowSize => (int)Shape.Skip(1).Aggregate(1L, (product, dimension) => product * dimension);

    public ReadOnlySpan<float> Row(int index) => Data.AsSpan(index * RowSize, RowSize);

    /// <summary>Copies a tensor to the host.</summary>
    public static HostArray Of(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var host = source.detach().to_type(ScalarType.Float32).cpu().contiguous();
        return new HostArray(host.data<float>().ToArray(), host.shape, source.dtype);
    }

    /// <summary>The values as a tensor of the source dtype and shape.</summary>
    public Tensor ToTensor()
    {
        using var values = tensor(Data, Shape, ScalarType.Float32);
        return values.to_type(SourceType);
    }
}
