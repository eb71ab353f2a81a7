using System.Collections.Immutable;

namespace ExperimentKit.Models;

/// <summary>The arguments of <c>torch._utils._rebuild_tensor_v2</c>: a strided view into a storage.</summary>
internal sealed record PickledTensor(PickledStorage Storage, long Offset, ImmutableArray<long> Shape, ImmutableArray<long> Stride)
{
    /// <summary>False when the view reaches outside its storage (or has a negative offset or stride): a corrupt file.</summary>
    public bool FitsStorage()
    {
        if (Offset < 0 || Stride.Any(s => s < 0) || Shape.Any(d => d < 0) || Shape.Length != Stride.Length)
        {
            return false;
        }

        if (Shape.Any(d => d == 0))
        {
            return true;
        }

        var last = Offset + Shape.Zip(Stride, (size, stride) => (size - 1) * stride).Sum();
        return last < Storage.Count;
    }
}
