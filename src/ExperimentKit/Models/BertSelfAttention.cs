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
    private readonly long headDim;

    public BertSelfAttention(BertConfig config) : base(nameof(BertSelfAttention))
    {
        ArgumentNullException.ThrowIfNull(config);
        numHeads = config.NumAttentionHeads;
        headDim = config.HeadDim;
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
        var (batch, seq) = (hiddenStates.shape[0], hiddenStates.shape[1]);
        var q = SplitHeads(query.forward(hiddenStates), batch, seq);
        var k = SplitHeads(key.forward(hiddenStates), batch, seq);
        var v = SplitHeads(value.forward(hiddenStates), batch, seq);
        // LibTorch's fused kernel computes softmax(q·kᵀ/√d + mask)·v, HF's eager path (checked against it in the
        // tests) and faster on CPU. It applies dropout to the probabilities itself, so HF's weightless
        // `dropout` child is not needed; it has no state-dict entry either way.
        var context = nn.functional.scaled_dot_product_attention(
            q, k, v, additiveMask, p: training ? dropoutProb : 0.0);
        return context.transpose(1, 2).reshape(batch, seq, numHeads * headDim).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor x, long batch, long seq) => x.view(batch, seq, numHeads, headDim).transpose(1, 2);
}
