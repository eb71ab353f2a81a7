using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Torch;

/// <summary>
/// torch.autocast for what a BERT spends its time on, since TorchSharp 0.107 has no autocast: inside
/// <see cref="Enable"/>, linear layers and attention compute in float16 or bfloat16 from float32 weights and inputs cast
/// per call, and hand back float32, so LayerNorm, softmax inside the loss and the residual sums stay float32 (the
/// list torch keeps in float32) and gradients reach the float32 weights through the casts. Unlike torch, outputs return
/// to float32 right away (GELU runs in float32; activations are kept in float32 for the backward pass). Outside a
/// region nothing changes: the modules call LibTorch exactly as before.
/// </summary>
public static class Autocast
{
    [ThreadStatic]
    private static ScalarType? computeType;

    /// <summary>The type matmuls run in on this thread, or null outside a region.</summary>
    public static ScalarType? ComputeType => computeType;

    /// <summary>Starts a region in <paramref name="type"/> (null: none) on this thread, until the result is disposed.</summary>
    public static IDisposable Enable(ScalarType? type)
    {
        var previous = computeType;
        computeType = type;
        return new Region(previous);
    }

    /// <summary><paramref name="layer"/>'s forward, in the region's type when one is open.</summary>
    public static Tensor Linear(Linear layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (computeType is not { } type)
        {
            return layer.forward(input);
        }

        using var scope = NewDisposeScope();
        var output = nn.functional.linear(input.to_type(type), layer.weight!.to_type(type), layer.bias?.to_type(type));
        return output.to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    private sealed class Region(ScalarType? previous) : IDisposable
    {
        public void Dispose() => computeType = previous;
    }
}
