using static TorchSharp.torch;

namespace ExperimentKit.Data;

/// <summary>The label tensors transformers' collators make for each kind of target.</summary>
public static class LabelCollations
{
    /// <summary>One class id per example: int64 [batch] (DataCollatorWithPadding).</summary>
    public static ILabelCollation ClassIds { get; } = new PerExample(ScalarType.Int64, width: null);

    /// <summary>One score per example: float32 [batch] (regression).</summary>
    public static ILabelCollation Scores { get; } = new PerExample(ScalarType.Float32, width: null);

    /// <summary>A multi-hot row per example: float32 [batch, num_labels] (multi-label classification, BCE).</summary>
    public static ILabelCollation MultiHot(int numLabels) => new PerExample(ScalarType.Float32, numLabels);

    /// <summary>An answer span's start and end token: int64 [batch, 2] (run_qa's start_positions and end_positions side by side).</summary>
    public static ILabelCollation Spans { get; } = new PerExample(ScalarType.Int64, width: 2);

    /// <summary>A label id per token, padded with -100: int64 [batch, seq] (DataCollatorForTokenClassification).</summary>
    public static ILabelCollation PerToken { get; } = new TokenLabels();

    private sealed class PerExample(ScalarType dtype, int? width) : ILabelCollation
    {
        public Tensor Collate(IReadOnlyList<EncodedExample> examples, int paddedLength)
        {
            var values = examples.SelectMany(e => e.Labels).ToArray();
            long[] shape = width is { } columns ? [examples.Count, columns] : [examples.Count];
            return dtype == ScalarType.Int64
                ? tensor(values.Select(v => (long)v).ToArray(), shape, ScalarType.Int64)
                : tensor(values, shape, dtype);
        }
    }

    private sealed class TokenLabels : ILabelCollation
    {
        private const long Ignored = -100;

        public Tensor Collate(IReadOnlyList<EncodedExample> examples, int paddedLength)
        {
            var labels = new long[examples.Count * paddedLength];
            labels.AsSpan().Fill(Ignored);
            for (var row = 0; row < examples.Count; row++)
            {
                var tokens = examples[row].Labels;
                for (var i = 0; i < tokens.Length; i++)
                {
                    labels[(row * paddedLength) + i] = (long)tokens[i];
                }
            }

            return tensor(labels, [examples.Count, paddedLength], ScalarType.Int64);
        }
    }
}
