using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Multi-head scaled dot-product self-attention with an additive mask (HF <c>BertSelfAttention</c>).</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly double dropoutProb;
    private readonly long numHeads;

    public BertSelfAttention(BertConfig config) : base(nameof(BertSelfAttention))
    {
        ArgumentNullException.ThrowIfNull(config);
        numHeads = config.NumAttentionHeads;
        dropoutProb = config.AttentionProbsDropoutProb;
        query = nn.Linear(config.HiddenSize, config.HiddenSize);
        key = nn.Linear(config.HiddenSize, config.HiddenSize);
        value = nn.Linear(config.HiddenSize, config.HiddenSize);
        register_module("query", query);
        register_module("key", key);
        register_module("value", value);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="hiddenStates">[batch, seq, hidden].</param>
    /// <param name="additiveMask">[batch, 1, 1, seq]: 0 where attended, the dtype's minimum where masked.</param>
    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        ArgumentNullException.ThrowIfNull(hiddenStates);
        using var scope = NewDisposeScope();
        return AttentionHeads.Attend(
            Autocast.Linear(query, hiddenStates), Autocast.Linear(key, hiddenStates), Autocast.Linear(value, hiddenStates), additiveMask, numHeads, training ? dropoutProb : 0.0)
            .MoveToOuterDisposeScope();
    }
}
