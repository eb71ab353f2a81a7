using TorchSharp;

namespace ExperimentKit.Torch;

/// <summary>
/// The constant Scalars tensor operations here pass to LibTorch, made once and rooted by static fields, so no
/// finalizer can free one while LibTorch reads it (see generators/ExperimentKit.Analyzers, EK1001). Numbers that
/// change (a sequence length, a learning rate) are made at the call with <c>using var s = x.ToScalar()</c>.
/// </summary>
public static class OwnedScalars
{
    /// <summary>0 as an int64 Scalar, what TorchSharp's implicit conversion of the literal 0 made.</summary>
    public static readonly Scalar Zero = 0.ToScalar();

    /// <summary>
    /// 1 as an int64 Scalar: the alpha of <c>a.add(b, One)</c>, which is what TorchSharp's <c>a + b</c> passes
    /// (an implicit 1 it leaves to a finalizer), so sums are computed by the same kernel call as before.
    /// </summary>
    public static readonly Scalar One = 1.ToScalar();
}
