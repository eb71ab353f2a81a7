namespace ExperimentKit.Models;

/// <summary>Feed-forward down projection, dropout, then the residual LayerNorm (HF <c>BertOutput</c>).</summary>
public sealed class BertOutput(BertConfig config)
    : ResidualProjection(nameof(BertOutput), (config ?? throw new ArgumentNullException(nameof(config))).IntermediateSize, config);
