using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Training;

/// <summary>
/// transformers' nested_concat for evaluation outputs of any shape: tensors are joined along the batch dimension, and
/// when their second dimension differs (token logits of batches padded to different lengths) the shorter ones are
/// padded with -100 first, so padding never looks like a prediction or a label.
/// </summary>
public static class NestedConcat
{
    public const float PaddingIndex = -100;

    public static Tensor OnDevice(IReadOnlyList<Tensor> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 1 || parts.All(p => p.dim() < 2 || p.shape[1] == parts[0].shape[1]))
        {
            return cat(parts.ToArray(), 0);
        }

        var longest = parts.Max(p => p.shape[1]);
        using var scope = NewDisposeScope();
        var padded = parts.Select(p => Pad(p, longest)).ToArray();
        return cat(padded, 0).MoveToOuterDisposeScope();
    }

    public static HostArray OnHost(IReadOnlyList<HostArray> parts, ScalarType sourceType)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            return HostArray.Empty(sourceType);
        }

        var shape = parts[0].Shape.ToArray();
        shape[0] = parts.Sum(p => p.Shape[0]);
        if (shape.Length >= 2)
        {
            shape[1] = parts.Max(p => p.Shape[1]);
        }

        var rowSize = (int)shape.Skip(1).Aggregate(1L, (product, dimension) => product * dimension);
        var data = new float[shape[0] * rowSize];
        data.AsSpan().Fill(PaddingIndex);
        var row = 0;
        foreach (var part in parts)
        {
            // A row of [seq, …] lays its positions one after another, so a shorter row is its prefix in the longer one.
            for (var r = 0; r < part.Rows; r++, row++)
            {
                part.Row(r).CopyTo(data.AsSpan(row * rowSize, rowSize));
            }
        }

        return new HostArray(data, shape, sourceType);
    }

    private static Tensor Pad(Tensor part, long length)
    {
        if (part.shape[1] == length)
        {
            return part.alias();
        }

        // functional.pad takes (before, after) pairs from the last dimension back; only dimension 1 grows.
        var pads = new long[2 * (part.dim() - 1)];
        pads[^1] = length - part.shape[1];
        return nn.functional.pad(part, pads, PaddingModes.Constant, PaddingIndex);
    }
}
