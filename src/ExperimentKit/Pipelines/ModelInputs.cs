using static TorchSharp.torch;

namespace ExperimentKit.Pipelines;

/// <summary>A padded batch as a BERT-family forward takes it: [batch, seq] int64 ids, attention mask and segment ids.</summary>
internal sealed record ModelInputs(Tensor InputIds, Tensor AttentionMask, Tensor TokenTypeIds)
{
    /// <summary>Right-padded to the longest row, as DataCollatorWithPadding pads (padding: 0 mask, 0 segment, the pad id).</summary>
    public static ModelInputs Pad(IReadOnlyList<ModelRow> rows, int padId)
    {
        var length = rows.Max(r => r.Length);
        var ids = new long[rows.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            var at = r * length;
            ids.AsSpan(at, length).Fill(padId);
            for (var t = 0; t < rows[r].Length; t++)
            {
                ids[at + t] = rows[r].InputIds[t];
                types[at + t] = rows[r].TokenTypeIds[t];
                mask[at + t] = 1;
            }
        }

        long[] shape = [rows.Count, length];
        return new ModelInputs(tensor(ids, shape), tensor(mask, shape), tensor(types, shape));
    }
}
