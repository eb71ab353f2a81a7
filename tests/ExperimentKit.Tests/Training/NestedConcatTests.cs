using ExperimentKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Training;

/// <summary>transformers' nested_concat: outputs of batches padded to different lengths join with -100 padding.</summary>
[Collection(TorchCollection.Name)]
public sealed class NestedConcatTests
{
    [Fact]
    public void Token_outputs_of_different_lengths_are_padded_with_minus_100_on_the_device()
    {
        using var scope = NewDisposeScope();
        var first = tensor(new float[] { 1, 2, 3, 4 }, [1, 2, 2]);
        var second = tensor(new float[] { 5, 6, 7, 8, 9, 10 }, [1, 3, 2]);

        var joined = NestedConcat.OnDevice([first, second]);

        Assert.Equal([2L, 3, 2], joined.shape);
        Assert.Equal([1f, 2, 3, 4, -100, -100, 5, 6, 7, 8, 9, 10], joined.data<float>().ToArray());
    }

    [Fact]
    public void Host_chunks_moved_at_different_times_join_the_same_way()
    {
        var first = new HostArray([1, 2], [1, 2], ScalarType.Int64);
        var second = new HostArray([3, 4, 5, 6, 7, 8], [2, 3], ScalarType.Int64);

        var joined = NestedConcat.OnHost([first, second], ScalarType.Int64);

        Assert.Equal([3L, 3], joined.Shape);
        Assert.Equal([1f, 2, -100, 3, 4, 5, 6, 7, 8], joined.Data);
    }

    [Fact]
    public void Outputs_per_example_are_simply_concatenated()
    {
        var joined = NestedConcat.OnHost([new HostArray([1, 2], [1, 2], ScalarType.Float32), new HostArray([3, 4], [1, 2], ScalarType.Float32)], ScalarType.Float32);

        Assert.Equal([2L, 2], joined.Shape);
        Assert.Equal([1f, 2, 3, 4], joined.Data);
    }
}
