using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Tests.Models;

/// <summary>Checks the head tests share.</summary>
internal static class HeadAssert
{
    /// <summary>Same state-dict names, each tensor bit for bit.</summary>
    public static void SameWeights(nn.Module expected, nn.Module actual)
    {
        var left = expected.state_dict();
        var right = actual.state_dict();
        Assert.Equal(left.Keys.Order(StringComparer.Ordinal), right.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in left)
        {
            Assert.True(TinyBert.SameBits(tensor, right[name]), name);
        }
    }

    /// <summary>Every gradient the backward pass left is free of NaN and infinity.</summary>
    public static void FiniteGradients(nn.Module model)
    {
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.grad is { } grad)
            {
                Assert.True(grad.isfinite().all().item<bool>(), $"{name} has a non-finite gradient");
            }
        }
    }
}
