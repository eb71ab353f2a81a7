namespace ExperimentKit.Models;

/// <summary>Projection after attention, dropout, then the residual LayerNorm (HF <c>BertSelfOutput</c>).</summary>
public sealed class BertSelfOutput(BertConfig config)
    : ResidualProjection(nameof(BertSelfOutput), (config ?? throw new ArgumentNullException(nameof(config))).HiddenSize, config);
