using System;

namespace ExperimentKit.Analyzers;

/// <summary>
/// TorchSharp 0.107 members that make a Scalar inside themselves (found by reading their IL: a path to
/// <c>new Scalar</c>), by documentation-comment id, with what to call instead. Only tensor arithmetic a model or optimizer might call is listed; the runtime's IL test
/// (ScalarFreeRuntimeTests) checks every TorchSharp call of the compiled runtime against TorchSharp's own IL, so a member
/// missing here still fails the tests.
/// </summary>
internal static class ScalarMakingMembers
{
    private const string Tensor = "TorchSharp.torch.Tensor";
    private const string UseAlpha = "use add(other, alpha) with an owned alpha Scalar";
    private const string UseOwnedScalar = "pass an owned Scalar to the method form (mul, div, sub with alpha) instead of the operator";

    private static readonly (string Id, string Instead)[] Entries =
    [
        ($"M:{Tensor}.op_Addition(*", UseAlpha),
        ($"M:{Tensor}.add({Tensor})", UseAlpha),
        ($"M:{Tensor}.add(TorchSharp.Scalar)", UseAlpha),
        ($"M:{Tensor}.add_({Tensor})", UseAlpha),
        ($"M:{Tensor}.add_(TorchSharp.Scalar)", UseAlpha),
        ($"M:TorchSharp.torch.add({Tensor},{Tensor})", UseAlpha),
        ($"M:TorchSharp.torch.add({Tensor},TorchSharp.Scalar)", UseAlpha),
        ($"M:TorchSharp.torch.add_({Tensor},{Tensor})", UseAlpha),
        ($"M:TorchSharp.torch.add_({Tensor},TorchSharp.Scalar)", UseAlpha),
        ($"M:{Tensor}.addcdiv({Tensor},{Tensor})", "use addcdiv(t1, t2, value) with an owned value Scalar"),
        ($"M:{Tensor}.addcdiv_({Tensor},{Tensor})", "use addcdiv_(t1, t2, value) with an owned value Scalar"),
        ($"M:{Tensor}.square", "multiply the tensor by itself"),
        ($"M:TorchSharp.torch.square({Tensor})", "multiply the tensor by itself"),
        ($"M:{Tensor}.op_Subtraction(System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Subtraction(TorchSharp.Scalar,{Tensor})", UseOwnedScalar),
        ($"M:{Tensor}.op_Subtraction({Tensor},System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Multiply(System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Multiply({Tensor},System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Division(System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Division({Tensor},System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Modulus({Tensor},System.*", UseOwnedScalar),
        ($"M:{Tensor}.op_Explicit(*", ReadWithItem),
        ($"M:{Tensor}.ToScalar", ReadWithItem),
        ($"M:TorchSharp.TensorExtensionMethods.ToDouble({Tensor})", ReadWithItem),
        ($"M:TorchSharp.TensorExtensionMethods.ToSingle({Tensor})", ReadWithItem),
        ($"M:TorchSharp.TensorExtensionMethods.ToInt64({Tensor})", ReadWithItem),
        ($"M:TorchSharp.TensorExtensionMethods.ToInt32({Tensor})", ReadWithItem),
        ($"M:TorchSharp.TensorExtensionMethods.ToBoolean({Tensor})", ReadWithItem),
        ("M:TorchSharp.torch.arange(TorchSharp.Scalar,System.*", UseArange),
        ("M:TorchSharp.torch.arange(TorchSharp.Scalar,TorchSharp.Scalar,System.*", UseArange),
        ("M:TorchSharp.torch.linalg.vector_norm(*", "compute the norm from tensor operations"),
        ("M:TorchSharp.torch.linalg.matrix_norm(*", "compute the norm from tensor operations"),
        ("M:TorchSharp.Modules.AdamW.step(*", "use ExperimentKit's AdamW"),
        ("M:TorchSharp.Modules.Adam.step(*", "use ExperimentKit's AdamW"),
        ("M:TorchSharp.Modules.SGD.step(*", "write the update with owned Scalars"),
    ];

    private const string ReadWithItem = "read the value with item<T>()";
    private const string UseArange = "use arange(start, stop, step) with owned Scalars";

    /// <summary>What to do instead, when <paramref name="documentationId"/> is a listed member; otherwise null.</summary>
    /// <remarks>An entry ending in '*' is a prefix (every overload or operand type); any other is one exact id.</remarks>
    public static string? InsteadOf(string documentationId)
    {
        foreach (var (id, instead) in Entries)
        {
            var matches = id.EndsWith("*", StringComparison.Ordinal)
                ? documentationId.StartsWith(id.Substring(0, id.Length - 1), StringComparison.Ordinal)
                : documentationId == id;
            if (matches)
            {
                return instead;
            }
        }

        return null;
    }
}
