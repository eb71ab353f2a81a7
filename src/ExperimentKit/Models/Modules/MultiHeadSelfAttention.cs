using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>DistilBERT's self-attention with its output projection inside (HF <c>MultiHeadSelfAttention</c>: q_lin, k_lin, v_lin, out_lin).</summary>
public sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear qLin;
    private readonly Linear kLin;
    private readonly Linear vLin;
    private readonly Linear outLin;
    private readonly double dropoutProb;
    private readonly long numHeads;

    public MultiHeadSelfAttention(DistilBertConfig config) : base(nameof(MultiHeadSelfAttention))
    {
        ArgumentNullException.ThrowIfNull(config);
        numHeads = config.NHeads;
        dropoutProb = config.AttentionDropout;
        qLin = nn.Linear(config.Dim, config.Dim);
        kLin = nn.Linear(config.Dim, config.Dim);
        vLin = nn.Linear(config.Dim, config.Dim);
        outLin = nn.Linear(config.Dim, config.Dim);
        register_module("q_lin", qLin);
        register_module("k_lin", kLin);
        register_module("v_lin", vLin);
        register_module("out_lin", outLin);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="hiddenStates">[batch, seq, dim].</param>
    /// <param name="additiveMask">[batch, 1, 1, seq]: 0 where attended, the dtype's minimum where masked (<see cref="BertModel.ExtendedAttentionMask"/>).</param>
    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        ArgumentNullException.ThrowIfNull(hiddenStates);
        using var scope = NewDisposeScope();
        var context = AttentionHeads.Attend(
            Autocast.Linear(qLin, hiddenStates), Autocast.Linear(kLin, hiddenStates), Autocast.Linear(vLin, hiddenStates), additiveMask, numHeads, training ? dropoutProb : 0.0);
        return Autocast.Linear(outLin, context).MoveToOuterDisposeScope();
    }
}
